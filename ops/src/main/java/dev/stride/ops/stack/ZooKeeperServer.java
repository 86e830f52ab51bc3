package dev.stride.ops.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** ZooKeeper 3.9 standalone: Samza's coordinator (and Druid's, later). */
public final class ZooKeeperServer implements Server {

  @Override
  public String name() {
    return "zookeeper";
  }

  @Override
  public List<Integer> ports(StackConfig c) {
    return List.of(c.zookeeperPort());
  }

  @Override
  public void prepare(StackConfig c) throws IOException {
    Path dir = c.dir(name());
    Files.createDirectories(dir.resolve("data"));
    Files.writeString(dir.resolve("zoo.cfg"), """
        tickTime=2000
        dataDir=%s
        clientPort=%d
        clientPortAddress=%s
        maxClientCnxns=200
        # the AdminServer would take port 8080, which Druid's stack needs nearby
        admin.enableServer=false
        4lw.commands.whitelist=srvr,ruok,mntr,stat
        """.formatted(dir.resolve("data").toAbsolutePath(), c.zookeeperPort(), c.host()));
    Files.writeString(dir.resolve("logback.xml"), """
        <configuration>
          <appender name="STDOUT" class="ch.qos.logback.core.ConsoleAppender">
            <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{20} - %msg%n</pattern></encoder>
          </appender>
          <root level="INFO"><appender-ref ref="STDOUT"/></root>
        </configuration>
        """);
  }

  @Override
  public List<String> command(StackConfig c) throws IOException {
    Path dir = c.dir(name()).toAbsolutePath();
    return JavaServers.javaCommand(List.of("-Xmx256m", "-Dlogback.configurationFile=" + dir.resolve("logback.xml"),
            "-Dzookeeper.jmx.log4j.disable=true"),
        JavaServers.classpath(c, name()), "org.apache.zookeeper.server.quorum.QuorumPeerMain", dir.resolve("zoo.cfg").toString());
  }

  @Override
  public boolean healthy(StackConfig c) {
    return Probes.ask(c.host(), c.zookeeperPort(), "srvr").contains("Zookeeper version");
  }
}

package dev.stride.ops.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * One JVM of the Druid 33 micro cluster (see {@link DruidConf} for the configuration they share). The four roles start
 * in parallel; each retries ZooKeeper and the coordinator until it finds them.
 */
public final class DruidServer implements Server {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  /** The four roles, their heaps as measured in ../shared/notes/SERVERS.md, and the extra readiness path each has. */
  public enum Role {
    COORDINATOR("coordinator", DruidPorts::coordinator, "256m", "64m", "/druid/indexer/v1/isLeader"),
    BROKER("broker", DruidPorts::broker, "512m", "200m", "/druid/broker/v1/readiness"),
    // direct memory: 50 MiB processing buffers x (2 merge buffers + 2 threads + 1)
    HISTORICAL("historical", DruidPorts::historical, "512m", "256m", "/druid/historical/v1/readiness"),
    INDEXER("indexer", DruidPorts::indexer, "768m", "200m", null);

    final String id;
    final ToIntFunction<DruidPorts> port;
    final String heap;
    final String direct;
    final String readiness;

    Role(String id, ToIntFunction<DruidPorts> port, String heap, String direct, String readiness) {
      this.id = id;
      this.port = port;
      this.heap = heap;
      this.direct = direct;
      this.readiness = readiness;
    }

    public String id() {
      return id;
    }
  }

  /** The roles in start order; `stride down` stops them in reverse. */
  public static List<Server> all() {
    List<Server> servers = new ArrayList<>();
    for (Role role : Role.values()) {
      servers.add(new DruidServer(role));
    }
    return servers;
  }

  private final Role role;

  public DruidServer(Role role) {
    this.role = role;
  }

  public Role role() {
    return role;
  }

  @Override
  public String name() {
    return "druid-" + role.id;
  }

  @Override
  public List<Integer> ports(StackConfig c) {
    int port = role.port.applyAsInt(c.druid());
    // the coordinator also runs the Derby metadata server
    return role == Role.COORDINATOR ? List.of(port, c.druid().derby()) : List.of(port);
  }

  @Override
  public void prepare(StackConfig c) throws IOException {
    DruidConf.write(c, role);
  }

  @Override
  public List<String> command(StackConfig c) throws IOException {
    Path conf = DruidConf.confDir(c);
    String cp = conf.resolve("_common") + ":" + conf.resolve(role.id) + ":" + JavaServers.classpath(c, "druid");
    List<String> jvm = List.of("-server", "-Xms" + role.heap, "-Xmx" + role.heap, "-XX:MaxDirectMemorySize=" + role.direct,
        "-XX:+UseG1GC", "-XX:+ExitOnOutOfMemoryError",
        "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
        "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
        "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
        "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=jdk.management/com.sun.management.internal=ALL-UNNAMED",
        "--add-opens=java.base/java.util=ALL-UNNAMED",
        "-Duser.timezone=UTC", "-Dfile.encoding=UTF-8",
        "-Djava.io.tmpdir=" + DruidConf.tmpDir(c, role),
        "-Dlog4j.configurationFile=" + conf.resolve("_common/log4j2.xml"),
        "-Djava.util.logging.manager=org.apache.logging.log4j.jul.LogManager");
    return JavaServers.javaCommand(jvm, cp, "org.apache.druid.cli.Main", "server", role.id);
  }

  @Override
  public boolean healthy(StackConfig c) {
    String base = "http://" + c.host() + ":" + role.port.applyAsInt(c.druid());
    return ok(base + "/status/health") && (role.readiness == null || ok(base + role.readiness));
  }

  private static boolean ok(String url) {
    try {
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
          HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public Duration startTimeout() {
    // four JVMs starting at once on two busy cores took 50-100 s when measured
    return Duration.ofSeconds(300);
  }
}

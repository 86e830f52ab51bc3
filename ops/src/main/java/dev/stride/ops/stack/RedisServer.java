package dev.stride.ops.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Redis 7 from the Debian package; installed with apt-get when missing. */
public final class RedisServer implements Server {

  @Override
  public String name() {
    return "redis";
  }

  @Override
  public List<Integer> ports(StackConfig c) {
    return List.of(c.redisPort());
  }

  @Override
  public void prepare(StackConfig c) throws IOException {
    Files.createDirectories(c.dir(name()));
    DebianPackages.ensure("redis-server", List.of("redis-server"), c.logFile("apt-get"));
  }

  @Override
  public List<String> command(StackConfig c) {
    String redis = Tools.onPath("redis-server").map(Path::toString).orElse("redis-server");
    // a cache: nothing persisted, so a restart starts cold by design
    return List.of(redis, "--bind", c.host(), "--port", String.valueOf(c.redisPort()),
        "--dir", c.dir(name()).toAbsolutePath().toString(), "--save", "", "--appendonly", "no",
        "--daemonize", "no", "--protected-mode", "yes", "--logfile", "");
  }

  @Override
  public boolean healthy(StackConfig c) {
    return Probes.ask(c.host(), c.redisPort(), "PING\r\n").startsWith("+PONG");
  }
}

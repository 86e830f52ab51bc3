package dev.stride.ops.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** apt-get install -y redis-server, without letting the package start its own daemon on 6379. */
final class RedisInstaller {
  private static final Path POLICY = Path.of("/usr/sbin/policy-rc.d");

  private RedisInstaller() {}

  static void install(Path log) throws IOException {
    System.out.println("  redis-server is missing: installing the Debian package (apt-get install -y redis-server)...");
    if (Tools.onPath("apt-get").isEmpty()) {
      throw new IOException("redis-server is not installed and apt-get is missing: install Redis 7 and put redis-server on the PATH");
    }
    List<String> sudo = Tools.runningAsRoot() ? List.of() : List.of("sudo", "-n");
    Files.createDirectories(log.getParent());
    boolean ownPolicy = Tools.runningAsRoot() && !Files.exists(POLICY);
    try {
      if (ownPolicy) {
        // exit 101 = "action forbidden": the package must not start a system Redis that takes our port
        Files.writeString(POLICY, "#!/bin/sh\nexit 101\n");
        POLICY.toFile().setExecutable(true);
      }
      run(log, concat(sudo, List.of("apt-get", "update", "-q")));
      run(log, concat(sudo, List.of("apt-get", "install", "-y", "-q", "--no-install-recommends", "redis-server")));
    } finally {
      if (ownPolicy) {
        Files.deleteIfExists(POLICY);
      }
    }
    if (Tools.onPath("redis-server").isEmpty()) {
      throw new IOException("apt-get finished but redis-server is still not on the PATH; see " + log);
    }
  }

  private static void run(Path log, List<String> cmd) throws IOException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    p.getOutputStream().close();
    try {
      if (p.waitFor() != 0) {
        throw new IOException(String.join(" ", cmd) + " failed:\n" + String.join("\n", LogTail.last(log, 30)));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: " + String.join(" ", cmd));
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}

package dev.stride.ops.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * apt-get install -y for what the stack and the tests need (redis-server, chromium), without letting a
 * package start its own daemon (a system Redis would take our port).
 */
public final class DebianPackages {
  private static final Path POLICY = Path.of("/usr/sbin/policy-rc.d");

  private DebianPackages() {}

  /** Installs the packages unless the executable is already on the PATH; says so on the console. */
  public static void ensure(String executable, List<String> packages, Path log) throws IOException {
    if (Tools.onPath(executable).isPresent()) {
      return;
    }
    System.out.println("  " + executable + " is missing: installing the Debian package(s) (apt-get install -y "
        + String.join(" ", packages) + ")...");
    if (Tools.onPath("apt-get").isEmpty()) {
      throw new IOException(executable + " is not installed and apt-get is missing: install " + String.join(", ", packages)
          + " and put " + executable + " on the PATH");
    }
    List<String> sudo = Tools.runningAsRoot() ? List.of() : List.of("sudo", "-n");
    Files.createDirectories(log.getParent());
    boolean ownPolicy = Tools.runningAsRoot() && !Files.exists(POLICY);
    try {
      if (ownPolicy) {
        // exit 101 = "action forbidden": packages must not start system services that take our ports
        Files.writeString(POLICY, "#!/bin/sh\nexit 101\n");
        POLICY.toFile().setExecutable(true);
      }
      run(log, concat(sudo, List.of("apt-get", "update", "-q")));
      run(log, concat(sudo, concat(List.of("apt-get", "install", "-y", "-q", "--no-install-recommends"), packages)));
    } finally {
      if (ownPolicy) {
        Files.deleteIfExists(POLICY);
      }
    }
    if (Tools.onPath(executable).isEmpty()) {
      throw new IOException("apt-get finished but " + executable + " is still not on the PATH; see " + log);
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
    return Stream.concat(a.stream(), b.stream()).toList();
  }
}

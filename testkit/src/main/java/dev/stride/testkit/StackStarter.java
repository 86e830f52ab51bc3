package dev.stride.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes sure the stack answers: when nothing listens and no STRIDE_* variable names other servers,
 * it runs the repository's `ops/stride up` once (the first test JVM of the build to ask does it;
 * later ones find it running). `ops/stride down` stops it.
 */
final class StackStarter {
  private StackStarter() {}

  static void ensureRunning(StackEndpoints endpoints) {
    if (reachable(endpoints.cassandraHost(), endpoints.cassandraPort()) && reachable(hostOf(endpoints.kafka()), portOf(endpoints.kafka()))
        && reachable(hostOf(endpoints.redisHostPort()), portOf(endpoints.redisHostPort()))
        && reachable(hostOf(endpoints.zookeeper()), portOf(endpoints.zookeeper()))) {
      return;
    }
    if (endpoints.fromEnvironment()) {
      throw new IllegalStateException("STRIDE_* variables name servers that do not answer: " + endpoints);
    }
    Path stride = findStrideCommand().orElseThrow(() -> new IllegalStateException(
        "no stack answers on the default ports and ops/stride was not found above " + Path.of("").toAbsolutePath()
            + ": run `ops/stride up` or set STRIDE_CASSANDRA/STRIDE_KAFKA/STRIDE_ZOOKEEPER/STRIDE_REDIS"));
    try {
      Process up = new ProcessBuilder(List.of(stride.toString(), "up")).inheritIO().start();
      if (!up.waitFor(15, TimeUnit.MINUTES) || up.exitValue() != 0) {
        throw new IllegalStateException("`" + stride + " up` failed; see its output above");
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + stride + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the stack", e);
    }
  }

  /** Druid is optional in the stack: started on first use when nothing answers and no STRIDE_DRUID_* names one. */
  static synchronized void ensureDruid(String coordinatorUrl, String brokerUrl) {
    java.net.URI coordinator = java.net.URI.create(coordinatorUrl);
    java.net.URI broker = java.net.URI.create(brokerUrl);
    if (reachable(coordinator.getHost(), coordinator.getPort()) && reachable(broker.getHost(), broker.getPort())) {
      return;
    }
    if (System.getenv("STRIDE_DRUID_COORDINATOR") != null || System.getenv("STRIDE_DRUID_BROKER") != null) {
      throw new IllegalStateException("STRIDE_DRUID_* name a Druid that does not answer: " + coordinatorUrl + ", " + brokerUrl);
    }
    Path stride = findStrideCommand().orElseThrow(() -> new IllegalStateException(
        "Druid does not answer on " + coordinatorUrl + " and ops/stride was not found: run `ops/stride up --with druid`"));
    try {
      Process up = new ProcessBuilder(List.of(stride.toString(), "up", "--servers-only", "--with", "druid")).inheritIO().start();
      if (!up.waitFor(15, TimeUnit.MINUTES) || up.exitValue() != 0) {
        throw new IllegalStateException("`" + stride + " up --servers-only --with druid` failed; see its output above");
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + stride + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting Druid", e);
    }
  }

  private static java.util.Optional<Path> findStrideCommand() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("ops").resolve("stride");
      if (Files.isExecutable(candidate)) {
        return java.util.Optional.of(candidate);
      }
    }
    return java.util.Optional.empty();
  }

  static boolean reachable(String host, int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static String hostOf(String hostPort) {
    return hostPort.substring(0, hostPort.lastIndexOf(':'));
  }

  static int portOf(String hostPort) {
    return Integer.parseInt(hostPort.substring(hostPort.lastIndexOf(':') + 1));
  }
}

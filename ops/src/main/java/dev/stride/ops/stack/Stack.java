package dev.stride.ops.stack;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Starts, probes and stops the servers of the local stack, each in its own process. */
public final class Stack {
  private static final Duration GRACE = Duration.ofSeconds(30);

  private final StackConfig config;
  private final List<Server> servers;
  private final PrintStream out;

  public Stack(StackConfig config, List<Server> servers, PrintStream out) {
    this.config = config;
    this.servers = List.copyOf(servers);
    this.out = out;
  }

  public static List<Server> coreServers() {
    return List.of(new ZooKeeperServer(), new KafkaServer(), new RedisServer(), new CassandraServer());
  }

  /** Servers and applications: what status shows and down stops (applications first). */
  public static List<Server> everything() {
    List<Server> all = new ArrayList<>(coreServers());
    all.addAll(DruidServer.all());
    all.addAll(AppServers.all());
    all.addAll(AppServers.withDruid());
    return all;
  }

  public StackConfig config() {
    return config;
  }

  /**
   * Starts every server that is not already running (in parallel), waits for real health, and
   * returns the names it started. On failure, stops what this call started and throws.
   */
  public Set<String> up() throws StackException {
    Set<String> started = java.util.Collections.synchronizedSet(new LinkedHashSet<>());
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, servers.size()));
    try {
      List<Future<?>> starts = new ArrayList<>();
      for (Server server : servers) {
        starts.add(pool.submit(() -> {
          if (start(server)) {
            started.add(server.name());
          }
          return null;
        }));
      }
      List<String> failures = new ArrayList<>();
      for (Future<?> f : starts) {
        try {
          f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          failures.add(e.getCause().getMessage());
        }
      }
      if (!failures.isEmpty()) {
        if (!started.isEmpty()) {
          out.println("stopping what this start brought up: " + String.join(", ", started));
          down(started);
        }
        throw new StackException(String.join("\n\n", failures));
      }
      return started;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StackException("interrupted while starting the stack");
    } finally {
      pool.shutdownNow();
    }
  }

  /** True when this call started the server, false when it was already running and healthy. */
  private boolean start(Server server) throws StackException, IOException, InterruptedException {
    String name = server.name();
    Optional<ManagedProcess> running = ManagedProcess.read(config.pidFile(name), name).filter(ManagedProcess::alive);
    if (running.isPresent()) {
      awaitHealthy(server, running.get(), null);
      out.printf("  %-10s already running (pid %d)%n", name, running.get().pid());
      return false;
    }
    for (int port : server.ports(config)) {
      if (!PortOwner.isFree(config.host(), port)) {
        String owner = PortOwner.describe(port).map(o -> ", held by " + o).orElse("");
        throw new StackException(name + ": port " + port + " on " + config.host() + " is already taken" + owner
            + ". Stop that process or choose another port (stride up --help lists the port flags).");
      }
    }
    server.prepare(config);
    List<String> command = new ArrayList<>();
    // own session: Ctrl-C in the terminal that ran stride must not kill the servers
    Tools.onPath("setsid").ifPresent(s -> command.add(s.toString()));
    command.addAll(server.command(config));
    File log = config.logFile(name).toFile();
    Files.createDirectories(log.toPath().getParent());
    Files.writeString(log.toPath(), "== " + Instant.now() + " " + String.join(" ", command) + "\n",
        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    Process process = new ProcessBuilder(command)
        .directory(config.dir(name).toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .start();
    ManagedProcess managed = ManagedProcess.of(name, process.toHandle());
    managed.write(config.pidFile(name));
    Instant t0 = Instant.now();
    awaitHealthy(server, managed, process);
    List<Integer> ports = server.ports(config);
    out.printf("  %-10s healthy%s (pid %d, %.1f s)%n", name, ports.isEmpty() ? "" : " on " + config.host() + ":" + ports.get(0),
        managed.pid(), Duration.between(t0, Instant.now()).toMillis() / 1000.0);
    return true;
  }

  private void awaitHealthy(Server server, ManagedProcess managed, Process process) throws StackException, InterruptedException {
    Instant deadline = Instant.now().plus(server.startTimeout());
    while (Instant.now().isBefore(deadline)) {
      if (server.healthy(config)) {
        return;
      }
      if (!managed.alive()) {
        String exit = process == null ? "" : " (exit code " + process.exitValue() + ")";
        throw new StackException(server.name() + " died during start" + exit + "; last 30 lines of "
            + config.logFile(server.name()) + ":\n" + String.join("\n", LogTail.last(config.logFile(server.name()), 30)));
      }
      Thread.sleep(250);
    }
    throw new StackException(server.name() + " did not become healthy within " + server.startTimeout().toSeconds()
        + " s; last 30 lines of " + config.logFile(server.name()) + ":\n"
        + String.join("\n", LogTail.last(config.logFile(server.name()), 30)));
  }

  /** Stops the named servers (all when empty) by PID, gracefully then forcefully. Idempotent. */
  public void down(Collection<String> names) {
    List<Server> targets = new ArrayList<>(servers.stream().filter(s -> names.isEmpty() || names.contains(s.name())).toList());
    java.util.Collections.reverse(targets);
    for (Server server : targets) {
      String name = server.name();
      Optional<ManagedProcess> managed = ManagedProcess.read(config.pidFile(name), name);
      if (managed.isEmpty() || !managed.get().alive()) {
        out.printf("  %-10s not running%n", name);
      } else if (managed.get().stop(GRACE)) {
        out.printf("  %-10s stopped (pid %d)%n", name, managed.get().pid());
      } else {
        out.printf("  %-10s pid %d would not stop%n", name, managed.get().pid());
        continue;
      }
      try {
        Files.deleteIfExists(config.pidFile(name));
      } catch (IOException ignored) {
        // a stale pid file is harmless: the start instant no longer matches
      }
    }
  }

  public List<ServerStatus> status() {
    List<ServerStatus> rows = new ArrayList<>();
    for (Server server : servers) {
      Optional<ManagedProcess> managed = ManagedProcess.read(config.pidFile(server.name()), server.name()).filter(ManagedProcess::alive);
      boolean healthy = managed.isPresent() && server.healthy(config);
      List<Integer> ports = server.ports(config);
      rows.add(new ServerStatus(server.name(), managed.map(ManagedProcess::pid).orElse(null),
          ports.isEmpty() ? null : ports.get(0), managed.isPresent(), healthy, managed.map(ManagedProcess::uptime).orElse(null)));
    }
    return rows;
  }

  /** port is null for a headless job. */
  public record ServerStatus(String name, Long pid, Integer port, boolean running, boolean healthy, Duration uptime) {}
}

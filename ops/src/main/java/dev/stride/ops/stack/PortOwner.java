package dev.stride.ops.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Tells whether a loopback port is free and, on Linux, which process listens on it. */
public final class PortOwner {
  private PortOwner() {}

  public static boolean isFree(String host, int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** "pid 1234 (java ...)" for the listener on the port, read from /proc; empty when unknown. */
  public static Optional<String> describe(int port) {
    Set<String> inodes = new HashSet<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      inodes.addAll(listeningInodes(Path.of(table), port));
    }
    if (inodes.isEmpty()) {
      return Optional.empty();
    }
    try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
      for (Path proc : procs) {
        if (ownsSocket(proc, inodes)) {
          long pid = Long.parseLong(proc.getFileName().toString());
          String cmd = ProcessHandle.of(pid).flatMap(h -> h.info().commandLine()).orElse("?");
          return Optional.of("pid " + pid + " (" + abbreviate(cmd) + ")");
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static Set<String> listeningInodes(Path table, int port) {
    Set<String> inodes = new HashSet<>();
    if (!Files.isReadable(table)) {
      return inodes;
    }
    String hexPort = String.format(":%04X", port);
    try {
      for (String line : Files.readAllLines(table)) {
        String[] f = line.trim().split("\\s+");
        // local_address is field 1, state field 3 ("0A" = LISTEN), inode field 9
        if (f.length > 9 && f[1].endsWith(hexPort) && f[3].equals("0A")) {
          inodes.add(f[9]);
        }
      }
    } catch (IOException ignored) {
      // unreadable table: owner stays unknown
    }
    return inodes;
  }

  private static boolean ownsSocket(Path proc, Set<String> inodes) {
    try (DirectoryStream<Path> fds = Files.newDirectoryStream(proc.resolve("fd"))) {
      for (Path fd : fds) {
        String target = Files.readSymbolicLink(fd).toString();
        if (target.startsWith("socket:[") && inodes.contains(target.substring(8, target.length() - 1))) {
          return true;
        }
      }
    } catch (IOException | SecurityException e) {
      return false;
    }
    return false;
  }

  private static String abbreviate(String cmd) {
    return cmd.length() <= 120 ? cmd : cmd.substring(0, 117) + "...";
  }
}

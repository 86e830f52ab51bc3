package dev.stride.ops.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Builds the application modules (mvn install -DskipTests) when their build output is missing or older than their sources. */
public final class AppBuild {
  private AppBuild() {}

  public static void ensureBuilt(StackConfig config, List<String> modules, PrintStream out) throws StackException {
    List<String> stale = modules.stream().filter(m -> isStale(config.root(), m)).toList();
    if (stale.isEmpty()) {
      return;
    }
    out.println("  building " + String.join(", ", stale) + " (mvn install -DskipTests)...");
    Path log = config.logFile("build");
    List<String> cmd = new ArrayList<>(List.of(Tools.mvn(), "-B", "-q", "install", "-DskipTests", "-pl", String.join(",", stale), "-am"));
    try {
      Files.createDirectories(log.getParent());
      Process mvn = new ProcessBuilder(cmd).directory(config.root().toFile()).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
      if (mvn.waitFor() != 0) {
        throw new StackException("building " + String.join(", ", stale) + " failed; the end of " + log + ":\n"
            + String.join("\n", LogTail.last(log, 30)));
      }
    } catch (IOException e) {
      throw new StackException("cannot run Maven: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StackException("interrupted while building the applications");
    }
  }

  static boolean isStale(Path root, String module) {
    Path built = root.resolve(module).resolve("target/classpath.txt");
    if (!Files.exists(built)) {
      return true;
    }
    try (Stream<Path> sources = Stream.of("src/main", "pom.xml").map(root.resolve(module)::resolve).filter(Files::exists)
        .flatMap(AppBuild::walk)) {
      FileTime builtAt = Files.getLastModifiedTime(built);
      return sources.anyMatch(p -> newer(p, builtAt));
    } catch (IOException e) {
      return true;
    }
  }

  private static Stream<Path> walk(Path p) {
    try {
      return Files.walk(p);
    } catch (IOException e) {
      return Stream.of(p);
    }
  }

  private static boolean newer(Path p, FileTime than) {
    try {
      return Files.getLastModifiedTime(p).compareTo(than) > 0;
    } catch (IOException e) {
      return true;
    }
  }
}

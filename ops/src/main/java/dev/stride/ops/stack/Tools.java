package dev.stride.ops.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds executables on the PATH. */
public final class Tools {
  private Tools() {}

  public static Optional<Path> onPath(String name) {
    String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
    for (String dir : path.split(":")) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  static String mvn() {
    return onPath("mvn").map(Path::toString)
        .orElseThrow(() -> new IllegalStateException("mvn not found on PATH: install Maven 3.8+ (apt-get install -y maven)"));
  }

  static boolean runningAsRoot() {
    return "root".equals(System.getProperty("user.name"));
  }
}

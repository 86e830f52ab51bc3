package dev.stride.ops.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The last lines of a server log, for failure messages. */
public final class LogTail {
  private LogTail() {}

  public static List<String> last(Path log, int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
      return all.subList(Math.max(0, all.size() - lines), all.size());
    } catch (IOException e) {
      return List.of("(no log at " + log + ")");
    }
  }
}

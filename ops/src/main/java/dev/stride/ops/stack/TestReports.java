package dev.stride.ops.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Adds up the Surefire and Failsafe XML reports written since a given instant. */
public final class TestReports {
  private static final Pattern SUITE = Pattern.compile("<testsuite\\b[^>]*>");

  private TestReports() {}

  public record Totals(int passed, int failed, int skipped) {}

  public static Totals since(Path root, Instant since) {
    int tests = 0;
    int failed = 0;
    int skipped = 0;
    try (Stream<Path> files = Files.walk(root, 4)) {
      for (Path report : files.filter(TestReports::isReport).toList()) {
        if (Files.getLastModifiedTime(report).toInstant().isBefore(since)) {
          continue;
        }
        Matcher m = SUITE.matcher(Files.readString(report));
        if (m.find()) {
          String tag = m.group();
          tests += attr(tag, "tests");
          failed += attr(tag, "failures") + attr(tag, "errors");
          skipped += attr(tag, "skipped");
        }
      }
    } catch (IOException e) {
      // partial totals are still worth printing
    }
    return new Totals(tests - failed - skipped, failed, skipped);
  }

  private static boolean isReport(Path p) {
    String dir = p.getParent() == null ? "" : p.getParent().getFileName().toString();
    String name = p.getFileName().toString();
    return (dir.equals("surefire-reports") || dir.equals("failsafe-reports")) && name.startsWith("TEST-") && name.endsWith(".xml");
  }

  private static int attr(String tag, String name) {
    Matcher m = Pattern.compile("\\b" + name + "=\"(\\d+)\"").matcher(tag);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }
}

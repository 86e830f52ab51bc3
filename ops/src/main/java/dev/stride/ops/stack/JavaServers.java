package dev.stride.ops.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What the Java servers share: the running JDK, a classpath resolved by Maven into the stack home. */
final class JavaServers {
  private JavaServers() {}

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /**
   * Resolves ops/servers/NAME/pom.xml into a classpath file once (again when the pom changes), so
   * server jars stay in their own folder and never reach an application classpath.
   */
  static synchronized String classpath(StackConfig config, String server) throws IOException {
    Path pom = config.root().resolve("ops/servers").resolve(server).resolve("pom.xml");
    Path out = config.home().resolve("classpath").resolve(server + ".txt");
    if (!Files.exists(out) || Files.getLastModifiedTime(pom).compareTo(Files.getLastModifiedTime(out)) > 0) {
      Files.createDirectories(out.getParent());
      System.out.println("  resolving the " + server + " classpath with Maven (first start only)...");
      Path mavenLog = config.home().resolve("logs").resolve("maven-" + server + ".log");
      Files.createDirectories(mavenLog.getParent());
      Process mvn = new ProcessBuilder(Tools.mvn(), "-B", "-q", "-f", pom.toString(),
              "dependency:build-classpath", "-Dmdep.outputFile=" + out)
          .redirectErrorStream(true)
          .redirectOutput(mavenLog.toFile())
          .start();
      try {
        if (mvn.waitFor() != 0) {
          Files.deleteIfExists(out);
          throw new IOException("Maven could not resolve the " + server + " classpath; see " + mavenLog
              + "\n" + String.join("\n", LogTail.last(mavenLog, 30)));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while resolving the " + server + " classpath");
      }
    }
    return Files.readString(out).trim();
  }

  /**
   * {@code jvmArgs} with the operator's {@code STRIDE_<SERVER>_JVM_OPTS} (e.g. STRIDE_CASSANDRA_JVM_OPTS, space separated)
   * after them, so a later flag wins; when those name a collector ({@code -XX:+Use...GC}) the defaults' collector
   * flags are dropped, since the JVM refuses two collectors.
   */
  static List<String> withOperatorOptions(String server, List<String> jvmArgs) {
    return withOptions(jvmArgs, System.getenv(jvmOptionsVariable(server)));
  }

  static String jvmOptionsVariable(String server) {
    return "STRIDE_" + server.toUpperCase(Locale.ROOT).replace('-', '_') + "_JVM_OPTS";
  }

  static List<String> withOptions(List<String> jvmArgs, String options) {
    if (options == null || options.isBlank()) {
      return jvmArgs;
    }
    List<String> extra = List.of(options.trim().split("\\s+"));
    boolean collector = extra.stream().anyMatch(JavaServers::namesCollector);
    List<String> out = new ArrayList<>();
    for (String a : jvmArgs) {
      if (!(collector && (namesCollector(a) || a.startsWith("-XX:MaxGCPauseMillis")))) {
        out.add(a);
      }
    }
    out.addAll(extra);
    return out;
  }

  private static boolean namesCollector(String arg) {
    return arg.startsWith("-XX:+Use") && arg.endsWith("GC");
  }

  static List<String> javaCommand(List<String> jvmArgs, String classpath, String mainClass, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(java());
    cmd.addAll(jvmArgs);
    cmd.add("-cp");
    cmd.add(classpath);
    cmd.add(mainClass);
    cmd.addAll(List.of(args));
    return cmd;
  }
}

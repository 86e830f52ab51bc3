package dev.stride.samza.druidfeed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One DruidFeedMain in its own JVM, run from the module's build output as `stride up` runs it. */
final class FeedProcess {

    private static String classpath;

    private final Path log;
    private final List<String> args;
    private Process process;

    FeedProcess(Path log, List<String> args) {
        this.log = log;
        this.args = List.copyOf(args);
    }

    /** target/classes + target/classpath.txt, this project's snapshot jars copied aside (other builds rewrite them). */
    static synchronized String classpath() throws IOException {
        if (classpath == null) {
            Path module = Path.of("").toAbsolutePath();
            Path copies = Files.createDirectories(module.resolve("target/it-classpath"));
            List<String> entries = new ArrayList<>(List.of(module.resolve("target/classes").toString()));
            for (String entry : Files.readString(module.resolve("target/classpath.txt")).trim().split(":")) {
                if (entry.contains("/dev/stride/")) {
                    Path copy = copies.resolve(Path.of(entry).getFileName());
                    Files.copy(Path.of(entry), copy, StandardCopyOption.REPLACE_EXISTING);
                    entry = copy.toString();
                }
                entries.add(entry);
            }
            classpath = String.join(":", entries);
        }
        return classpath;
    }

    FeedProcess start() throws IOException {
        Files.createDirectories(log.getParent());
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-cp", classpath(), DruidFeedMain.class.getName()));
        cmd.addAll(args);
        process = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return this;
    }

    /** SIGKILL: no shutdown hook, no final commit. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, then SIGKILL if it hangs; returns the exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        return process.exitValue();
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    @Override
    public String toString() {
        return "druid feed (log " + log + ")";
    }
}

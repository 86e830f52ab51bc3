package dev.stride.samza.druidfeed;

import dev.stride.samza.progress.JobProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One DruidFeedMain in its own JVM, run from the module's build output as `stride up` runs it. */
final class FeedProcess {

    private final Path log;
    private final List<String> args;
    private Process process;

    FeedProcess(Path log, List<String> args) {
        this.log = log;
        this.args = List.copyOf(args);
    }

    FeedProcess start() throws IOException {
        Files.createDirectories(log.getParent());
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-cp", JobProcess.classpath(), DruidFeedMain.class.getName()));
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

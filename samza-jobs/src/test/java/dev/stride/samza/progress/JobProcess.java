package dev.stride.samza.progress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One ProgressAggregatorMain in its own JVM, run from the module's build output exactly as `stride up` runs it. */
public final class JobProcess {

    private final String name;
    private final Path stateDir;
    private final Path log;
    /** The log's size when this start began. */
    private long logStart;
    private final List<String> args;
    private Process process;

    JobProcess(String name, Path stateDir, Path log, List<String> args) {
        this.name = name;
        this.stateDir = stateDir;
        this.log = log;
        this.args = List.copyOf(args);
    }

    private static String classpath;

    /**
     * target/classes plus target/classpath.txt, with this project's snapshot jars copied aside first: other builds on
     * the machine re-install them into ~/.m2 at any time, and a jar rewritten under a running JVM loses classes.
     */
    public static synchronized String classpath() throws IOException {
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

    JobProcess start() throws IOException {
        Files.createDirectories(log.getParent());
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g", "-XX:+UseG1GC" /* as stride up runs it (SamzaAggregatorServer) */));
        String extra = System.getProperty("stride.job.jvmArgs", "").strip(); // e.g. a JFR recording for the bench
        if (!extra.isEmpty()) {
            cmd.addAll(List.of(extra.split("\\s+")));
        }
        cmd.addAll(List.of("-cp", classpath(), ProgressAggregatorMain.class.getName()));
        cmd.addAll(args);
        cmd.add("job.logged.store.base.dir=" + stateDir);
        cmd.add("job.non-logged.store.base.dir=" + stateDir);
        logStart = Files.exists(log) ? Files.size(log) : 0; // the log is appended to by every start of this name
        process = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return this;
    }

    /**
     * Waits until this start's container entered Samza's run loop (stores restored, inputs registered): a SIGTERM
     * before the runner installed its hook would end the JVM with 143, and a test must not take an idle start for a
     * restart that did its work.
     */
    JobProcess awaitRunLoop(java.time.Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (Files.exists(log) && Files.size(log) > logStart) {
                byte[] all = Files.readAllBytes(log);
                String mine = new String(all, (int) logStart, all.length - (int) logStart,
                        java.nio.charset.StandardCharsets.UTF_8);
                if (mine.contains("Entering run loop")) {
                    return this;
                }
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before its run loop; see " + log);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " not in its run loop after " + timeout + "; see " + log);
            }
            Thread.sleep(200);
        }
    }

    /** SIGKILL: no shutdown hook, no flush, no commit. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM: the runner's final commit and clean stop; returns the exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(name + " did not stop within 60 s after SIGTERM; see " + log);
        }
        return process.exitValue();
    }

    /** CPU time the process has used so far (user + system), zero when unknown. */
    java.time.Duration cpu() {
        return process == null ? java.time.Duration.ZERO
                : process.toHandle().info().totalCpuDuration().orElse(java.time.Duration.ZERO);
    }

    /** The OS process id (for /proc, see {@link ProcCpu}). */
    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    Path stateDir() {
        return stateDir;
    }

    @Override
    public String toString() {
        return name + " (log " + log + ")";
    }
}

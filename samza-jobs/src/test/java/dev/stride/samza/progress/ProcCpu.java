package dev.stride.samza.progress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CPU time from Linux's /proc, for the bench's breakdown: per thread of a process (threads grouped by their name with
 * digits dropped: "s0-io-1" and "s0-io-2" are one group) and per whole process. Clock ticks of 10 ms (USER_HZ 100).
 */
final class ProcCpu {

    static final double TICK_SECONDS = 0.01;

    private ProcCpu() {
    }

    /** Thread group name → user + system ticks so far; empty when /proc cannot be read (not Linux). */
    static Map<String, Long> threads(long pid) {
        Map<String, Long> out = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            tasks.forEach(t -> {
                String stat = read(t.resolve("stat"));
                if (stat != null) {
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+", "N");
                    out.merge(name, ticks(stat), Long::sum);
                }
            });
        } catch (IOException e) {
            return Map.of();
        }
        return out;
    }

    /** User + system ticks of the whole process so far (live threads and exited ones), -1 when unknown. */
    static long process(long pid) {
        String stat = read(Path.of("/proc", Long.toString(pid), "stat"));
        return stat == null ? -1 : ticks(stat);
    }

    /** Busy ticks of all cores so far (/proc/stat: everything but idle and iowait), -1 when unknown. */
    static long machineBusy() {
        String stat = read(Path.of("/proc/stat"));
        if (stat == null) {
            return -1;
        }
        String[] f = stat.substring(0, stat.indexOf('\n')).trim().split("\\s+"); // cpu user nice system idle iowait ...
        long busy = 0;
        for (int i = 1; i < f.length && i <= 8; i++) {
            busy += i == 4 || i == 5 ? 0 : Long.parseLong(f[i]);
        }
        return busy;
    }

    /** The first running process whose command line contains the text (e.g. Cassandra's main class). */
    static Optional<Long> find(String commandLineText) {
        // /proc/<pid>/cmdline itself: ProcessHandle.Info drops command lines it cannot split into executable and args
        return ProcessHandle.allProcesses().map(ProcessHandle::pid)
                .filter(pid -> {
                    try {
                        return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")))
                                .replace('\0', ' ').contains(commandLineText);
                    } catch (IOException e) {
                        return false;
                    }
                })
                .findFirst();
    }

    /** utime + stime: fields 14 and 15, counted after the parenthesised command name (which may hold spaces). */
    private static long ticks(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return null; // a thread that ended meanwhile
        }
    }
}

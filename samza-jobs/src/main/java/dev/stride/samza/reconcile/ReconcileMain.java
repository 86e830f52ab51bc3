package dev.stride.samza.reconcile;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.stride.schema.CassandraSessions;

import java.time.Instant;
import java.util.Optional;

/**
 * {@code ReconcileMain --tenant T --course C [--batch B] [--dry-run] [--attempts-limit 25]}: recomputes the course's
 * aggregates from the facts and repairs drifted rows; Cassandra from STRIDE_CASSANDRA / STRIDE_KEYSPACE /
 * STRIDE_CASSANDRA_DC (the local stack's defaults otherwise). Prints one line per repaired enrolment and a summary;
 * exit code 0, 2 on bad arguments, 1 on failure. {@code stride reconcile} runs this with the module's classpath.
 */
public final class ReconcileMain {

    static final String USAGE = "usage: reconcile --tenant T --course C [--batch B] [--dry-run] [--attempts-limit N]";

    /** Parsed arguments. */
    record Options(String tenant, String course, Optional<String> batch, boolean dryRun, int attemptsLimit) {

        static Options parse(String[] args) {
            String tenant = null;
            String course = null;
            String batch = null;
            boolean dryRun = false;
            int limit = 25;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--tenant" -> tenant = value(args, ++i);
                    case "--course" -> course = value(args, ++i);
                    case "--batch" -> batch = value(args, ++i);
                    case "--attempts-limit" -> limit = Integer.parseInt(value(args, ++i));
                    case "--dry-run" -> dryRun = true;
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
            if (tenant == null || course == null) {
                throw new IllegalArgumentException("--tenant and --course are required");
            }
            return new Options(tenant, course, Optional.ofNullable(batch), dryRun, limit);
        }

        private static String value(String[] args, int i) {
            if (i >= args.length) {
                throw new IllegalArgumentException(args[i - 1] + " needs a value");
            }
            return args[i];
        }
    }

    private ReconcileMain() {
    }

    public static void main(String[] args) {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        var env = System.getenv();
        try (CqlSession session = CassandraSessions.open(env.getOrDefault("STRIDE_CASSANDRA", "127.0.0.1:9042"),
                env.getOrDefault("STRIDE_CASSANDRA_DC", "datacenter1"), env.getOrDefault("STRIDE_KEYSPACE", "stride"))) {
            Reconciler.Report report = new Reconciler(session, o.attemptsLimit())
                    .reconcile(o.tenant(), o.course(), o.batch(), Instant.now(), o.dryRun());
            report.repaired().forEach(k -> System.out.println((o.dryRun() ? "drift " : "repaired ") + k));
            System.out.printf("course %s: %d enrolment(s) checked, %d %s%n", report.course(), report.enrolments(),
                    report.repaired().size(), o.dryRun() ? "drifted (dry run: nothing written)" : "repaired");
        } catch (RuntimeException e) {
            System.err.println("reconcile failed: " + e.getMessage());
            System.exit(1);
        }
    }
}

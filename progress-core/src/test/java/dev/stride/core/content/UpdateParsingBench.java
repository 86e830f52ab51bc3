package dev.stride.core.content;

import dev.stride.core.ids.Ids;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * JMH for what every content of an update is read through: its timestamps and its ids, each first form (java.time's
 * formatters, a regex) against the hand-written one. {@code java -cp target/test-classes:target/classes:$(cat
 * target/test-classpath.txt) org.openjdk.jmh.Main UpdateParsingBench} in progress-core, after {@code mvn -o test-compile
 * dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class UpdateParsingBench {

    private static final Pattern ID_PATTERN = Pattern.compile("[A-Za-z0-9_.:@-]{1,128}");

    private final String iso = "2026-11-23T19:05:00.123456Z"; // what the bench's learners send (Instant.toString)
    private final String sunbird = "2026-11-23 19:05:00:123+0000"; // what Sunbird's apps send
    private final String contentId = "do_11316025429498265611";

    @Benchmark
    public Optional<Instant> isoWithFormatters() {
        return SunbirdTimestamps.parseWithFormatters(iso);
    }

    @Benchmark
    public Optional<Instant> isoParsed() {
        return SunbirdTimestamps.parse(iso);
    }

    @Benchmark
    public Optional<Instant> sunbirdWithFormatters() {
        return SunbirdTimestamps.parseWithFormatters(sunbird);
    }

    @Benchmark
    public Optional<Instant> sunbirdParsed() {
        return SunbirdTimestamps.parse(sunbird);
    }

    @Benchmark
    public boolean idWithRegex() {
        return ID_PATTERN.matcher(contentId).matches();
    }

    @Benchmark
    public boolean idChecked() {
        return Ids.isValid(contentId);
    }
}

package dev.stride.reports.nightly;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;

import java.time.ZoneId;
import java.time.ZonedDateTime;

/** When the nightly reports run: a 5-field Unix cron expression (default {@code 0 2 * * *}, 02:00) in a time zone. */
public final class NightlySchedule {

    public static final String DEFAULT_CRON = "0 2 * * *";

    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    private final String expression;
    private final ExecutionTime execution;
    private final ZoneId zone;

    public NightlySchedule(String expression, ZoneId zone) {
        this.expression = expression;
        try {
            this.execution = ExecutionTime.forCron(PARSER.parse(expression));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("nightly cron '" + expression + "' is not a 5-field Unix cron expression"
                    + " (minute hour day-of-month month day-of-week): " + e.getMessage(), e);
        }
        this.zone = zone;
    }

    /** The next run strictly after {@code after}. */
    public ZonedDateTime next(ZonedDateTime after) {
        return execution.nextExecution(after.withZoneSameInstant(zone))
                .orElseThrow(() -> new IllegalStateException("cron '" + expression + "' never fires again"));
    }

    public ZoneId zone() {
        return zone;
    }

    @Override
    public String toString() {
        return "'" + expression + "' " + zone;
    }
}

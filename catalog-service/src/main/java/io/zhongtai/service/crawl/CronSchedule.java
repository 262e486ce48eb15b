package io.zhongtai.service.crawl;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import io.zhongtai.core.CatalogException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A crawl schedule: a Unix cron expression (five fields: minute hour day-of-month month
 * day-of-week), read in UTC.
 */
public final class CronSchedule {
    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    private final String expression;
    private final ExecutionTime executionTime;

    private CronSchedule(String expression, ExecutionTime executionTime) {
        this.expression = expression;
        this.executionTime = executionTime;
    }

    /** Parses the expression; a user error names what is wrong with it. */
    public static CronSchedule parse(String expression) {
        try {
            return new CronSchedule(expression, ExecutionTime.forCron(PARSER.parse(expression.trim())));
        } catch (IllegalArgumentException e) {
            throw CatalogException.invalid(
                    "schedule",
                    "'" + expression + "' is not a cron expression of five fields (minute hour day-of-month month day-of-week), "
                            + "such as \"0 2 * * *\" for 02:00 UTC daily: " + e.getMessage());
        }
    }

    /** The latest time at or before {@code now} at which the schedule fires. */
    public Optional<Instant> lastFiring(Instant now) {
        ZonedDateTime at = now.atZone(ZoneOffset.UTC);
        if (executionTime.isMatch(at.withSecond(0).withNano(0))) {
            return Optional.of(at.withSecond(0).withNano(0).toInstant());
        }
        return executionTime.lastExecution(at).map(ZonedDateTime::toInstant);
    }

    public Optional<Instant> nextFiring(Instant now) {
        return executionTime.nextExecution(now.atZone(ZoneOffset.UTC)).map(ZonedDateTime::toInstant);
    }

    /**
     * Whether a crawl is due at {@code now}: the schedule fired after the later of the last run's
     * start and the moment the schedule was set, so each firing starts at most one crawl and a
     * new schedule does not fire for times before it existed.
     */
    public boolean isDue(Instant now, Instant lastRunStarted, Instant scheduledSince) {
        Optional<Instant> firing = lastFiring(now);
        if (firing.isEmpty()) {
            return false;
        }
        Instant after = lastRunStarted == null || (scheduledSince != null && scheduledSince.isAfter(lastRunStarted))
                ? scheduledSince
                : lastRunStarted;
        return after == null || firing.get().isAfter(after);
    }

    @Override
    public String toString() {
        return expression;
    }
}

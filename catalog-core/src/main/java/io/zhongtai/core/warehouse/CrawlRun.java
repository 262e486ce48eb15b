package io.zhongtai.core.warehouse;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * One crawl of one warehouse.
 *
 * @param progress from 0 to 1
 * @param log the lines a person reads to follow or debug the run
 */
public record CrawlRun(
        String id,
        String warehouse,
        CrawlStatus status,
        double progress,
        int added,
        int changed,
        int removed,
        String error,
        String startedBy,
        Instant startedAt,
        Instant finishedAt,
        List<String> log) {
    public CrawlRun {
        requireNonNull(id, "id is null");
        requireNonNull(warehouse, "warehouse is null");
        requireNonNull(status, "status is null");
        requireNonNull(startedAt, "startedAt is null");
        log = List.copyOf(requireNonNull(log, "log is null"));
        if (progress < 0 || progress > 1) {
            throw new IllegalArgumentException("progress is between 0 and 1, was " + progress);
        }
    }
}

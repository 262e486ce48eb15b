package io.zhongtai.service.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.zhongtai.core.warehouse.CrawlRun;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A crawl run as API.md shapes it, with its timing and log beside. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CrawlRunView(
        String id,
        String warehouse,
        String status,
        double progress,
        int added,
        int changed,
        int removed,
        String error,
        String startedBy,
        Instant startedAt,
        Instant finishedAt,
        Long durationMs,
        List<String> log) {
    static CrawlRunView of(CrawlRun run) {
        return new CrawlRunView(
                run.id(),
                run.warehouse(),
                run.status().value(),
                run.progress(),
                run.added(),
                run.changed(),
                run.removed(),
                run.error(),
                run.startedBy(),
                run.startedAt(),
                run.finishedAt(),
                run.finishedAt() == null ? null : Duration.between(run.startedAt(), run.finishedAt()).toMillis(),
                run.log());
    }
}

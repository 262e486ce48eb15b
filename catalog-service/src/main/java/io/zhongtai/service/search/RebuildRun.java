package io.zhongtai.service.search;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Locale;

/**
 * One rebuild of the search index from the catalog, as {@code POST /api/v1/admin/search/rebuild}
 * answers it and {@code GET /api/v1/admin/search/rebuilds/{id}} follows it.
 *
 * @param sequence the change-log position the new index starts from (the log's end when the
 *     rebuild began); changes after it are applied once the new index is in use
 * @param documents documents written so far
 * @param seconds how long it took, once finished
 * @param documentsPerSecond the rate, once finished
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RebuildRun(
        String id,
        Status status,
        String startedBy,
        Instant startedAt,
        Instant finishedAt,
        long sequence,
        long documents,
        double seconds,
        double documentsPerSecond,
        String error) {
    public RebuildRun {
        requireNonNull(id, "id is null");
        requireNonNull(status, "status is null");
    }

    /** What a run is doing. */
    public enum Status {
        RUNNING,
        SUCCEEDED,
        FAILED;

        @com.fasterxml.jackson.annotation.JsonValue
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static RebuildRun start(String id, String startedBy, Instant at) {
        return new RebuildRun(id, Status.RUNNING, startedBy, at, null, 0, 0, 0, 0, null);
    }

    RebuildRun withSequence(long newSequence) {
        return new RebuildRun(id, status, startedBy, startedAt, finishedAt, newSequence, documents, seconds, documentsPerSecond, error);
    }

    RebuildRun withDocuments(long count) {
        return new RebuildRun(id, status, startedBy, startedAt, finishedAt, sequence, count, seconds, documentsPerSecond, error);
    }

    RebuildRun succeeded(Instant at, double tookSeconds) {
        return new RebuildRun(
                id, Status.SUCCEEDED, startedBy, startedAt, at, sequence, documents, tookSeconds,
                tookSeconds > 0 ? documents / tookSeconds : 0, null);
    }

    RebuildRun failed(String reason, Instant at) {
        return new RebuildRun(id, Status.FAILED, startedBy, startedAt, at, sequence, documents, seconds, 0, reason);
    }
}

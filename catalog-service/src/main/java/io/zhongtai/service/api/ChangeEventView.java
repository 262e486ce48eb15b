package io.zhongtai.service.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.zhongtai.core.change.ChangeEvent;
import java.time.Instant;
import java.util.List;

/** One version of an asset: {@code {"version", "at", "by", "changes", "breaking"}} and what kind of change. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ChangeEventView(
        long version, String kind, Instant at, String by, List<ChangeView> changes, boolean breaking, long sequence) {
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ChangeView(String field, Object before, Object after) {}

    public static ChangeEventView of(ChangeEvent event) {
        return new ChangeEventView(
                event.version(),
                event.kind().value(),
                event.at(),
                event.by(),
                event.changes().stream()
                        .map(change -> new ChangeView(change.field(), change.before(), change.after()))
                        .toList(),
                event.breaking(),
                event.sequence());
    }
}

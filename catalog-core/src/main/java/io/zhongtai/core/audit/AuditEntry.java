package io.zhongtai.core.audit;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One recorded action: who did what to which target, when, and how it ended.
 *
 * @param action for HTTP calls the method and route, such as {@code PATCH /api/v1/assets/{id}}
 * @param target the thing acted on (an asset id, a warehouse name), or null
 * @param status the HTTP status the action ended with
 */
public record AuditEntry(String id, Instant at, String user, String action, String target, int status, String detail) {
    public AuditEntry {
        requireNonNull(id, "id is null");
        requireNonNull(at, "at is null");
        requireNonNull(user, "user is null");
        requireNonNull(action, "action is null");
    }
}

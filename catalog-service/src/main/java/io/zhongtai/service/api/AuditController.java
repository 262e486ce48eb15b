package io.zhongtai.service.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.zhongtai.core.CatalogException;
import io.zhongtai.core.PageRequest;
import io.zhongtai.core.audit.AuditEntry;
import io.zhongtai.core.audit.AuditLog;
import io.zhongtai.service.security.Roles;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** {@code GET /api/v1/audit}: the audit log, newest first, for admins. */
@Controller("/api/v1/audit")
@Secured(Roles.ADMIN)
public class AuditController {
    private final AuditLog audit;

    public AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @Get
    public PageView<AuditEntry> list(
            @Nullable @QueryValue String user,
            @Nullable @QueryValue String since,
            @Nullable @QueryValue Integer page,
            @Nullable @QueryValue Integer size) {
        Instant from = null;
        if (since != null && !since.isBlank()) {
            try {
                from = Instant.parse(since);
            } catch (DateTimeParseException e) {
                throw CatalogException.invalid("since", "an ISO-8601 UTC timestamp such as 2026-01-01T00:00:00Z");
            }
        }
        return PageView.of(audit.list(user, from, PageRequest.of(page, size)), entry -> entry);
    }
}

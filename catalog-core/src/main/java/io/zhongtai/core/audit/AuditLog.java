package io.zhongtai.core.audit;

import io.zhongtai.core.Page;
import io.zhongtai.core.PageRequest;
import java.time.Instant;

/** Append-only record of writes (and later queries), readable by admins. */
public interface AuditLog {
    void record(AuditEntry entry);

    /** Entries newest first, optionally only one user's and only since a time (both may be null). */
    Page<AuditEntry> list(String user, Instant since, PageRequest page);
}

package io.zhongtai.crawlers.querylog;

import static java.util.Objects.requireNonNull;

/**
 * One normalised statement of a warehouse's query log, with the calls counted since the log's
 * statistics were last reset.
 *
 * @param id stable per statement shape and where it ran ({@code userid:queryid} in PostgreSQL,
 *     {@code schema:digest} in MySQL and MariaDB)
 * @param sql the normalised text: literals replaced by {@code $1}, {@code ?}, lists by {@code (...)}
 * @param calls cumulative calls
 * @param schema the default schema (MySQL: database) the statement ran in, or null when the log
 *     does not say (PostgreSQL)
 */
public record QueryDigest(String id, String sql, long calls, String schema) {
    public QueryDigest {
        requireNonNull(id, "id is null");
        requireNonNull(sql, "sql is null");
        if (calls < 0) {
            throw new IllegalArgumentException("calls must not be negative, was " + calls);
        }
        schema = schema == null || schema.isBlank() ? null : schema;
    }
}

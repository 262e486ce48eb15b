package io.zhongtai.crawlers.querylog;

import java.sql.Connection;
import java.util.List;

/**
 * Reads the statement digests of one warehouse's query log. A log that is switched off, not
 * installed or not readable by the login is a {@link io.zhongtai.core.CatalogException} of code
 * {@link io.zhongtai.core.ErrorCode#QUERY_LOG_UNAVAILABLE} saying how to enable it.
 */
public interface QueryLogReader {
    /** The digests of statements run in the connection's database, each once. */
    List<QueryDigest> read(Connection connection);
}

package io.zhongtai.crawlers.querylog;

import io.zhongtai.core.warehouse.Dialect;
import java.util.Optional;

/** The query-log reader of each dialect that has one: PostgreSQL, MySQL and MariaDB. */
public final class QueryLogReaders {
    private QueryLogReaders() {}

    public static Optional<QueryLogReader> forDialect(Dialect dialect) {
        return switch (dialect) {
            case POSTGRES -> Optional.of(new PostgresQueryLogReader());
            case MYSQL, MARIADB -> Optional.of(new MySqlQueryLogReader());
            default -> Optional.empty();
        };
    }
}

package io.zhongtai.core.warehouse;

import io.zhongtai.core.CatalogException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The SQL dialects Zhongtai names (API.md); which ones can be crawled depends on the harvesters. */
public enum Dialect {
    DUCKDB,
    POSTGRES,
    MYSQL,
    MARIADB,
    H2,
    HIVE,
    SPARK,
    SNOWFLAKE,
    BIGQUERY,
    TRINO,
    CLICKHOUSE,
    GENERIC;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Dialect fromValue(String value) {
        for (Dialect dialect : values()) {
            if (dialect.value().equals(value)) {
                return dialect;
            }
        }
        throw CatalogException.invalid(
                "dialect",
                "unknown dialect '" + value + "'; known: "
                        + Arrays.stream(values()).map(Dialect::value).collect(Collectors.joining(", ")));
    }

    /** The dialect a JDBC URL points at, or {@link #GENERIC}. */
    public static Dialect fromJdbcUrl(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:duckdb:")) return DUCKDB;
        if (url.startsWith("jdbc:postgresql:")) return POSTGRES;
        if (url.startsWith("jdbc:mysql:")) return MYSQL;
        if (url.startsWith("jdbc:mariadb:")) return MARIADB;
        if (url.startsWith("jdbc:h2:")) return H2;
        if (url.startsWith("jdbc:trino:")) return TRINO;
        if (url.startsWith("jdbc:clickhouse:")) return CLICKHOUSE;
        if (url.startsWith("jdbc:snowflake:")) return SNOWFLAKE;
        if (url.startsWith("jdbc:hive2:")) return HIVE;
        return GENERIC;
    }
}

package io.zhongtai.crawlers.jdbc;

import static java.util.Objects.requireNonNull;

import io.zhongtai.core.harvest.ColumnProfile;
import io.zhongtai.core.harvest.ColumnProfile.ValueCount;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Profiles the columns of one table from a sample of its rows, with plain SQL that PostgreSQL,
 * MySQL, MariaDB, H2 and DuckDB (and most other engines) all run:
 *
 * <ol>
 *   <li>{@code SELECT cols FROM t WHERE 1 = 0} learns each column's JDBC type, and fails
 *       early when the table cannot be read;
 *   <li>{@code SELECT count(*), count(c), count(DISTINCT c), min(c), max(c), ... FROM (SELECT
 *       cols FROM t LIMIT n) zt_sample} computes every column's figures in one pass (in chunks
 *       of {@value #COLUMNS_PER_QUERY} columns, for very wide tables);
 *   <li>for each column whose sample repeats a value, {@code SELECT c, count(*) ... GROUP BY c
 *       ORDER BY 2 DESC, 1 LIMIT 5} finds the most frequent values.
 * </ol>
 *
 * <p>The sample is the first {@code n} rows the engine returns, not a random one: every engine
 * has {@code LIMIT}, few agree on {@code TABLESAMPLE}, and the first rows cost nothing to read.
 *
 * <p>Min and max are taken only for types with an order (numbers, text, dates and times), and
 * rendered as text by the driver ({@code getString}). Columns of types that cannot be compared
 * in every engine (large objects, binary, JSON, arrays, structs, intervals, UUIDs reported as
 * {@code OTHER}) get no profile: {@link ColumnProfile} needs a distinct count they cannot give.
 * Top values are skipped where every sampled value is distinct (keys, e-mail addresses, phone
 * numbers): they would tell nothing and copy personal data into the catalog.
 */
public final class ColumnProfiler {
    /** At most this many columns per aggregate query; a few hundred expressions suit every engine. */
    static final int COLUMNS_PER_QUERY = 200;
    /** How many most frequent values a profile keeps. */
    static final int TOP_VALUES = 5;
    /** Longer values (min, max, top values) are cut to this many characters. */
    static final int MAX_VALUE_LENGTH = 200;

    private static final String SAMPLE_ALIAS = "zt_sample";
    private static final Set<Integer> ORDERED = Set.of(
            Types.TINYINT,
            Types.SMALLINT,
            Types.INTEGER,
            Types.BIGINT,
            Types.REAL,
            Types.FLOAT,
            Types.DOUBLE,
            Types.NUMERIC,
            Types.DECIMAL,
            Types.CHAR,
            Types.VARCHAR,
            Types.NCHAR,
            Types.NVARCHAR,
            Types.DATE,
            Types.TIME,
            Types.TIMESTAMP,
            Types.TIME_WITH_TIMEZONE,
            Types.TIMESTAMP_WITH_TIMEZONE);
    /** Comparable for equality but without min/max everywhere (PostgreSQL has no min(boolean)). */
    private static final Set<Integer> EQUALITY_ONLY = Set.of(Types.BOOLEAN, Types.BIT);

    private final Connection connection;
    private final SqlIdentifiers identifiers;
    private final int sampleRows;
    private final int timeoutSeconds;

    public ColumnProfiler(Connection connection, SqlIdentifiers identifiers, int sampleRows, int timeoutSeconds) {
        this.connection = requireNonNull(connection, "connection is null");
        this.identifiers = requireNonNull(identifiers, "identifiers is null");
        if (sampleRows < 1) {
            throw new IllegalArgumentException("sampleRows is at least 1, was " + sampleRows);
        }
        this.sampleRows = sampleRows;
        this.timeoutSeconds = timeoutSeconds;
    }

    /**
     * @param columns the table's columns as the catalog names them
     * @return a profile per column name, for the columns whose type allows one
     * @throws SQLException when the table cannot be read (gone, no permission, timeout)
     */
    public Map<String, ColumnProfile> profile(TableRef table, List<String> columns) throws SQLException {
        if (columns.isEmpty()) {
            return Map.of();
        }
        List<ProfiledColumn> profiled = probe(table, columns);
        Map<String, ColumnProfile> profiles = new LinkedHashMap<>();
        for (int start = 0; start < profiled.size(); start += COLUMNS_PER_QUERY) {
            List<ProfiledColumn> chunk = profiled.subList(start, Math.min(profiled.size(), start + COLUMNS_PER_QUERY));
            aggregate(table, chunk);
        }
        for (ProfiledColumn column : profiled) {
            if (!column.profiled()) {
                continue;
            }
            List<ValueCount> top = column.nonNull > column.distinct ? topValues(table, column.name) : List.of();
            double nullFraction = column.rows == 0 ? 0 : (double) (column.rows - column.nonNull) / column.rows;
            profiles.put(column.name, new ColumnProfile(column.rows, nullFraction, column.distinct, column.min, column.max, top));
        }
        return profiles;
    }

    private List<ProfiledColumn> probe(TableRef table, List<String> columns) throws SQLException {
        String sql = "SELECT " + columnList(columns) + " FROM " + identifiers.qualified(table) + " WHERE 1 = 0";
        List<ProfiledColumn> profiled = new ArrayList<>();
        try (Statement statement = statement(); ResultSet rs = statement.executeQuery(sql)) {
            ResultSetMetaData metaData = rs.getMetaData();
            for (int i = 0; i < columns.size(); i++) {
                int type = metaData.getColumnType(i + 1);
                profiled.add(new ProfiledColumn(columns.get(i), ORDERED.contains(type), ORDERED.contains(type) || EQUALITY_ONLY.contains(type)));
            }
        }
        return profiled;
    }

    private void aggregate(TableRef table, List<ProfiledColumn> chunk) throws SQLException {
        StringBuilder select = new StringBuilder("SELECT count(*)");
        for (ProfiledColumn column : chunk) {
            if (column.comparable) {
                String name = identifiers.quote(column.name);
                select.append(", count(").append(name).append("), count(DISTINCT ").append(name).append(')');
                if (column.ordered) {
                    select.append(", min(").append(name).append("), max(").append(name).append(')');
                }
            }
        }
        if (chunk.stream().noneMatch(column -> column.comparable)) {
            return;
        }
        List<String> names = chunk.stream().filter(column -> column.comparable).map(column -> column.name).toList();
        String sql = select + " FROM " + sample(table, names);
        try (Statement statement = statement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            long rows = rs.getLong(1);
            int index = 2;
            for (ProfiledColumn column : chunk) {
                if (!column.comparable) {
                    continue;
                }
                column.rows = rows;
                column.nonNull = rs.getLong(index++);
                column.distinct = rs.getLong(index++);
                if (column.ordered) {
                    column.min = shorten(rs.getString(index++));
                    column.max = shorten(rs.getString(index++));
                }
            }
        }
    }

    private List<ValueCount> topValues(TableRef table, String column) throws SQLException {
        String name = identifiers.quote(column);
        String sql = "SELECT " + name + ", count(*) FROM " + sample(table, List.of(column)) + " WHERE " + name
                + " IS NOT NULL GROUP BY " + name + " ORDER BY 2 DESC, 1 LIMIT " + TOP_VALUES;
        List<ValueCount> top = new ArrayList<>();
        try (Statement statement = statement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                top.add(new ValueCount(shorten(rs.getString(1)), rs.getLong(2)));
            }
        }
        return top;
    }

    /** The first rows of the table, as a derived table of the given columns. */
    private String sample(TableRef table, List<String> columns) {
        return "(SELECT " + columnList(columns) + " FROM " + identifiers.qualified(table) + " LIMIT " + sampleRows + ") "
                + SAMPLE_ALIAS;
    }

    private String columnList(List<String> columns) {
        return String.join(", ", columns.stream().map(identifiers::quote).toList());
    }

    private Statement statement() throws SQLException {
        Statement statement = connection.createStatement();
        JdbcHarvester.applyTimeout(statement, timeoutSeconds);
        return statement;
    }

    private static String shorten(String value) {
        if (value == null || value.length() <= MAX_VALUE_LENGTH) {
            return value;
        }
        return value.substring(0, MAX_VALUE_LENGTH - 1) + "…";
    }

    private static final class ProfiledColumn {
        final String name;
        final boolean ordered;
        final boolean comparable;
        long rows = -1;
        long nonNull;
        long distinct;
        String min;
        String max;

        ProfiledColumn(String name, boolean ordered, boolean comparable) {
            this.name = name;
            this.ordered = ordered;
            this.comparable = comparable;
        }

        boolean profiled() {
            return comparable && rows >= 0;
        }
    }
}

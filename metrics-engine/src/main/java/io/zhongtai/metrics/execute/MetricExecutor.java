package io.zhongtai.metrics.execute;

import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.metrics.query.ColumnType;
import io.zhongtai.metrics.query.CompiledQuery;
import io.zhongtai.metrics.query.QueryResult;
import io.zhongtai.metrics.query.ResultColumn;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs compiled metric queries on their warehouses: read-only connections from a small pool per
 * warehouse, a statement timeout (the driver's, backed by a cancel of our own for drivers that
 * ignore it), a row limit with {@code truncated}, cancellation through a {@link QueryHandle},
 * typed values (numbers stay numbers, dates stay {@link LocalDate}s) and a result cache that
 * crawls invalidate through {@link #invalidate}.
 */
public final class MetricExecutor implements AutoCloseable {
    private final WarehouseConnector connector;
    private final ExecutorSettings settings;
    private final Map<String, ConnectionPool> pools = new ConcurrentHashMap<>();
    private final ResultCache cache;
    private final ScheduledExecutorService timer;

    public MetricExecutor(WarehouseConnector connector, ExecutorSettings settings) {
        this(connector, settings, Clock.systemUTC());
    }

    MetricExecutor(WarehouseConnector connector, ExecutorSettings settings, Clock clock) {
        this.connector = connector;
        this.settings = settings;
        this.cache = new ResultCache(settings.cacheEntries(), settings.cacheTimeToLive(), clock);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "metric-query-timeout");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs the query, or answers it from the cache. */
    public QueryResult execute(CompiledQuery compiled) {
        return execute(compiled, new QueryHandle());
    }

    public QueryResult execute(CompiledQuery compiled, QueryHandle handle) {
        QueryResult cached = cache.get(compiled.warehouse(), compiled.sql());
        if (cached != null) {
            return cached;
        }
        QueryResult result = run(compiled, handle);
        cache.put(compiled.warehouse(), compiled.sql(), compiled.tables(), result);
        return result;
    }

    /** Drops cached results of {@code warehouse} that read any of {@code tables} (all of them when empty). */
    public int invalidate(String warehouse, Set<String> tables) {
        return cache.invalidate(warehouse, tables);
    }

    /** Closes the pooled connections of a warehouse (after its connection settings changed). */
    public void forget(String warehouse) {
        ConnectionPool pool = pools.remove(warehouse);
        if (pool != null) {
            pool.close();
        }
        cache.invalidate(warehouse, Set.of());
    }

    public long cacheHits() {
        return cache.hits();
    }

    public long cacheMisses() {
        return cache.misses();
    }

    private QueryResult run(CompiledQuery compiled, QueryHandle handle) {
        if (handle.isCancelled()) {
            throw cancelled();
        }
        ConnectionPool pool = pools.computeIfAbsent(compiled.warehouse(),
                w -> new ConnectionPool(w, connector, settings.poolSize()));
        long timeoutMillis = settings.statementTimeout().toMillis();
        Connection connection = pool.acquire(timeoutMillis);
        boolean reusable = false;
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> watchdog = null;
        try (PreparedStatement statement = connection.prepareStatement(compiled.parameterizedSql())) {
            bind(statement, compiled.parameters());
            try {
                statement.setQueryTimeout((int) Math.max(1, (timeoutMillis + 999) / 1000));
            } catch (SQLFeatureNotSupportedException | UnsupportedOperationException ignored) {
                // the watchdog below cancels it instead
            }
            statement.setMaxRows(compiled.rowLimit() + 1);
            handle.attach(statement);
            watchdog = timer.schedule(() -> {
                timedOut.set(true);
                handle.cancel();
            }, timeoutMillis + 250, TimeUnit.MILLISECONDS);
            QueryResult result;
            try (ResultSet rows = statement.executeQuery()) {
                result = read(compiled, rows, handle);
            }
            reusable = true;
            return result;
        } catch (SQLException e) {
            if (!timedOut.get() && handle.isCancelled()) {
                throw cancelled();
            }
            if (timedOut.get() || isTimeout(e)) {
                throw new CatalogException(ErrorCode.QUERY_TIMEOUT, "The query ran longer than the statement timeout of "
                        + settings.statementTimeout().toSeconds() + " s on warehouse " + compiled.warehouse()
                        + " and was cancelled", e);
            }
            if (handle.isCancelled()) {
                throw cancelled();
            }
            throw new CatalogException(ErrorCode.WAREHOUSE_UNAVAILABLE, "Warehouse " + compiled.warehouse()
                    + " could not run the metric query: " + e.getMessage(), e);
        } finally {
            if (watchdog != null) {
                watchdog.cancel(false);
            }
            handle.detach();
            pool.release(connection, reusable && !handle.isCancelled());
        }
    }

    private static CatalogException cancelled() {
        return new CatalogException(ErrorCode.QUERY_CANCELLED, "The metric query was cancelled");
    }

    private static boolean isTimeout(SQLException e) {
        return e instanceof java.sql.SQLTimeoutException || "57014".equals(e.getSQLState());
    }

    private static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            Object value = parameters.get(i);
            if (value instanceof LocalDate date) {
                statement.setDate(i + 1, java.sql.Date.valueOf(date));
            } else if (value instanceof String text) {
                statement.setString(i + 1, text);
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }

    private QueryResult read(CompiledQuery compiled, ResultSet rows, QueryHandle handle) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        int count = compiled.columns().size();
        if (meta.getColumnCount() != count) {
            throw new CatalogException(ErrorCode.INTERNAL_ERROR, "The warehouse answered " + meta.getColumnCount()
                    + " columns for " + count + " asked");
        }
        List<ResultColumn> columns = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ResultColumn asked = compiled.columns().get(i);
            columns.add(new ResultColumn(asked.name(), typeOf(asked.type(), meta, i + 1)));
        }
        List<List<Object>> out = new ArrayList<>();
        boolean truncated = false;
        while (rows.next()) {
            if (handle.isCancelled()) {
                throw cancelled();
            }
            if (out.size() == compiled.rowLimit()) {
                truncated = true;
                break;
            }
            List<Object> row = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                row.add(value(rows, i + 1, columns.get(i).type()));
            }
            out.add(row);
        }
        return new QueryResult(compiled.sql(), columns, out, truncated);
    }

    /**
     * The column's type: dimensions as the compiler declared them; numbers as the warehouse
     * reports them, where a DECIMAL of scale 0 with a known precision (MySQL's SUM of integers)
     * and DuckDB's HUGEINT count as integers.
     */
    private static ColumnType typeOf(ColumnType declared, ResultSetMetaData meta, int column) throws SQLException {
        if (declared == ColumnType.DATE || declared == ColumnType.STRING) {
            return declared;
        }
        String typeName = String.valueOf(meta.getColumnTypeName(column)).toUpperCase(java.util.Locale.ROOT);
        if (typeName.contains("HUGEINT") || typeName.equals("UBIGINT")) {
            return ColumnType.INTEGER;
        }
        return switch (meta.getColumnType(column)) {
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> ColumnType.INTEGER;
            case Types.DECIMAL, Types.NUMERIC -> meta.getScale(column) == 0 && meta.getPrecision(column) > 0
                    && meta.getPrecision(column) <= 38 ? ColumnType.INTEGER : ColumnType.DECIMAL;
            case Types.DOUBLE, Types.FLOAT, Types.REAL -> ColumnType.DECIMAL;
            case Types.BOOLEAN, Types.BIT -> ColumnType.BOOLEAN;
            case Types.DATE -> ColumnType.DATE;
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> ColumnType.TIMESTAMP;
            case Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.NVARCHAR -> ColumnType.STRING;
            default -> declared;
        };
    }

    private static Object value(ResultSet rows, int column, ColumnType type) throws SQLException {
        Object raw = rows.getObject(column);
        if (raw == null) {
            return null;
        }
        switch (type) {
            case INTEGER -> {
                if (raw instanceof Long || raw instanceof Integer || raw instanceof Short || raw instanceof Byte) {
                    return ((Number) raw).longValue();
                }
                BigDecimal decimal = raw instanceof BigDecimal d ? d
                        : raw instanceof BigInteger i ? new BigDecimal(i) : new BigDecimal(raw.toString());
                try {
                    return decimal.longValueExact();
                } catch (ArithmeticException tooBigOrFractional) {
                    return decimal;
                }
            }
            case DECIMAL -> {
                if (raw instanceof Double d) {
                    return d.isNaN() || d.isInfinite() ? null : d;
                }
                if (raw instanceof Float f) {
                    return f.isNaN() || f.isInfinite() ? null : f.doubleValue();
                }
                if (raw instanceof BigDecimal d) {
                    return d;
                }
                if (raw instanceof BigInteger i) {
                    return new BigDecimal(i);
                }
                if (raw instanceof Number n) {
                    return new BigDecimal(n.toString());
                }
                return new BigDecimal(raw.toString());
            }
            case DATE -> {
                return toDate(raw);
            }
            case TIMESTAMP -> {
                if (raw instanceof Timestamp ts) {
                    return ts.toInstant();
                }
                if (raw instanceof LocalDateTime local) {
                    return local.toInstant(java.time.ZoneOffset.UTC);
                }
                if (raw instanceof OffsetDateTime offset) {
                    return offset.toInstant();
                }
                return raw instanceof Instant ? raw : raw.toString();
            }
            case BOOLEAN -> {
                return raw instanceof Boolean ? raw : Boolean.valueOf(raw.toString());
            }
            default -> {
                return raw.toString();
            }
        }
    }

    private static LocalDate toDate(Object raw) {
        if (raw instanceof LocalDate date) {
            return date;
        }
        if (raw instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        if (raw instanceof Timestamp ts) {
            return ts.toLocalDateTime().toLocalDate();
        }
        if (raw instanceof LocalDateTime local) {
            return local.toLocalDate();
        }
        if (raw instanceof OffsetDateTime offset) {
            return offset.toLocalDate();
        }
        return LocalDate.parse(raw.toString().substring(0, 10));
    }

    @Override
    public void close() {
        timer.shutdownNow();
        pools.values().forEach(ConnectionPool::close);
        pools.clear();
    }
}

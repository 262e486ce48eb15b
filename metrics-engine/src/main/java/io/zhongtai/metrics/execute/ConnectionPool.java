package io.zhongtai.metrics.execute;

import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A small pool of read-only connections to one warehouse: at most {@code size} queries at once,
 * idle connections kept for reuse and checked before they are handed out.
 */
final class ConnectionPool implements AutoCloseable {
    private final String warehouse;
    private final WarehouseConnector connector;
    private final Semaphore permits;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private final int size;
    private boolean closed;

    ConnectionPool(String warehouse, WarehouseConnector connector, int size) {
        this.warehouse = warehouse;
        this.connector = connector;
        this.size = size;
        this.permits = new Semaphore(size, true);
    }

    Connection acquire(long waitMillis) {
        try {
            if (!permits.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
                throw new CatalogException(ErrorCode.QUERY_TIMEOUT, "All " + size + " connections to warehouse "
                        + warehouse + " stayed busy for " + waitMillis + " ms; try again later");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CatalogException(ErrorCode.QUERY_CANCELLED, "Interrupted while waiting for a connection");
        }
        try {
            while (true) {
                Connection connection;
                synchronized (this) {
                    connection = idle.pollFirst();
                }
                if (connection == null) {
                    return readOnly(connector.connect(warehouse));
                }
                if (healthy(connection)) {
                    return connection;
                }
                closeQuietly(connection);
            }
        } catch (RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    void release(Connection connection, boolean reusable) {
        try {
            boolean keep;
            synchronized (this) {
                keep = reusable && !closed && idle.size() < size;
                if (keep) {
                    idle.addFirst(connection);
                }
            }
            if (!keep) {
                closeQuietly(connection);
            }
        } finally {
            permits.release();
        }
    }

    private static Connection readOnly(Connection connection) {
        try {
            connection.setReadOnly(true);
        } catch (SQLException | UnsupportedOperationException e) {
            // DuckDB fixes read-only at connect time; the statements run are SELECTs the compiler wrote
        }
        return connection;
    }

    private static boolean healthy(Connection connection) {
        try {
            return !connection.isClosed();
        } catch (SQLException e) {
            return false;
        }
    }

    static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // nothing more to do with a connection that fails to close
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        while (!idle.isEmpty()) {
            closeQuietly(idle.pollFirst());
        }
    }
}

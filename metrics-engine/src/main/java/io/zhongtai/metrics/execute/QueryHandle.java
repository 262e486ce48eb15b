package io.zhongtai.metrics.execute;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Lets another thread cancel a running metric query: the warehouse statement is cancelled and
 * the query ends with QUERY_CANCELLED.
 */
public final class QueryHandle {
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile Statement running;

    /** Cancels the query, now if it runs, or as soon as it starts. */
    public void cancel() {
        cancelled.set(true);
        Statement statement = running;
        if (statement != null) {
            try {
                statement.cancel();
            } catch (SQLException ignored) {
                // the statement finished or the driver cannot cancel: the flag still stops the read
            }
        }
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    void attach(Statement statement) {
        running = statement;
        if (cancelled.get()) {
            cancel();
        }
    }

    void detach() {
        running = null;
    }
}

package io.zhongtai.graph.neo4j;

import static java.util.Objects.requireNonNull;

import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way the adapters talk to Neo4j: a driver over Bolt (to the embedded server or an
 * external one), managed transactions that the driver retries on transient failures only, and
 * driver exceptions wrapped at this edge.
 */
public final class Neo4jGraph implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Neo4jGraph.class);

    private final Driver driver;
    private final String database;
    private final List<Runnable> commitListeners = new CopyOnWriteArrayList<>();

    public Neo4jGraph(Driver driver, String database) {
        this.driver = requireNonNull(driver, "driver is null");
        this.database = requireNonNull(database, "database is null");
    }

    /** Connects and verifies the connection, with timeouts so that a dead server fails fast. */
    public static Neo4jGraph connect(String uri, String username, String password, String database) {
        Config config = Config.builder()
                .withConnectionTimeout(10, TimeUnit.SECONDS)
                .withConnectionAcquisitionTimeout(30, TimeUnit.SECONDS)
                .withMaxTransactionRetryTime(15, TimeUnit.SECONDS)
                .withLogging(Logging.slf4j())
                .build();
        Driver driver = GraphDatabase.driver(uri, AuthTokens.basic(username, password), config);
        try {
            driver.verifyConnectivity();
        } catch (Neo4jException e) {
            driver.close();
            throw new CatalogException(
                    ErrorCode.STORE_UNAVAILABLE, "Cannot reach Neo4j at " + uri + ": " + e.getMessage(), e);
        }
        return new Neo4jGraph(driver, database);
    }

    public <T> T read(Function<TransactionContext, T> work) {
        try (Session session = session()) {
            return session.executeRead(work::apply);
        } catch (Neo4jException e) {
            throw wrap(e);
        }
    }

    /**
     * Runs a write transaction. After a transaction that appended change events commits, the
     * commit listeners run on this thread (see {@link #addCommitListener}).
     */
    public <T> T write(Function<TransactionContext, T> work) {
        boolean outermost = !ChangeLogWriter.trackingAppends();
        if (outermost) {
            ChangeLogWriter.startTrackingAppends();
        }
        T result;
        try (Session session = session()) {
            result = session.executeWrite(work::apply);
        } catch (Neo4jException e) {
            throw wrap(e);
        } finally {
            if (outermost && !ChangeLogWriter.stopTrackingAppends()) {
                outermost = false; // nothing appended: no one to tell
            }
        }
        if (outermost) {
            for (Runnable listener : commitListeners) {
                try {
                    listener.run();
                } catch (RuntimeException e) {
                    // the write is committed; a listener's failure must not turn it into an error
                    LOG.warn("A commit listener failed", e);
                }
            }
        }
        return result;
    }

    /**
     * Calls {@code listener} after each committed write transaction that appended change events
     * (a retried transaction that appended in a failed attempt may call it once more). It runs on
     * the writer's thread and must return at once.
     */
    public void addCommitListener(Runnable listener) {
        commitListeners.add(requireNonNull(listener, "listener is null"));
    }

    public void writeVoid(java.util.function.Consumer<TransactionContext> work) {
        write(tx -> {
            work.accept(tx);
            return null;
        });
    }

    private Session session() {
        return driver.session(SessionConfig.forDatabase(database));
    }

    private static CatalogException wrap(Neo4jException e) {
        if (e instanceof ServiceUnavailableException || e instanceof SessionExpiredException) {
            return new CatalogException(ErrorCode.STORE_UNAVAILABLE, "The catalog store is unavailable: " + e.getMessage(), e);
        }
        return new CatalogException(ErrorCode.INTERNAL_ERROR, "The catalog store failed: " + e.getMessage(), e);
    }

    @Override
    public void close() {
        driver.close();
    }
}

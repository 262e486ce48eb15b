package io.zhongtai.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server (zonky's embedded binaries, PostgreSQL 14) for tests: started the
 * first time a test asks for it, shared by every test of the JVM, and stopped when the JVM
 * exits. Each test class takes its own database with {@link #createDatabase(String)} rather
 * than a server of its own, which keeps the suite fast (DEPENDENCIES.md).
 *
 * <p>Nothing has to run before it: the binaries come from Maven and unpack into a fresh
 * directory, and it starts under root too.
 */
public final class TestingPostgres {
    private static final Logger LOG = LoggerFactory.getLogger(TestingPostgres.class);
    private static final String SUPERUSER = "postgres";
    private static TestingPostgres instance;

    private final EmbeddedPostgres server;
    private final DatabaseNames names = new DatabaseNames();

    private TestingPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    /** The server of this JVM, started on first use. */
    public static synchronized TestingPostgres instance() {
        if (instance == null) {
            instance = new TestingPostgres(start());
        }
        return instance;
    }

    private static EmbeddedPostgres start() {
        long started = System.nanoTime();
        try {
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    // a test server holds nothing worth an fsync
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    // the query-log harvester's tests read pg_stat_statements; loading it costs little
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setLocaleConfig("encoding", "UTF8")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setRegisterShutdownHook(false)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server), "testing-postgres-stop"));
            LOG.info("PostgreSQL started on port {} in {} ms", server.getPort(), (System.nanoTime() - started) / 1_000_000);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Starting the embedded PostgreSQL server failed: " + e.getMessage(), e);
        }
    }

    private static void stop(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException e) {
            LOG.warn("Stopping the embedded PostgreSQL server failed: {}", e.getMessage());
        }
    }

    /**
     * Creates an empty database named {@code prefix_n} and a login of the same name that owns
     * it and may create roles (to test what a user without a grant sees).
     *
     * @param prefix lower-case letters, digits and '_', starting with a letter
     */
    public TestDatabase createDatabase(String prefix) {
        String name = names.next(prefix);
        String password = DatabaseNames.password();
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            // name and password are generated above, never taken from a caller
            statement.execute("CREATE ROLE " + name + " LOGIN CREATEROLE PASSWORD '" + password + "'");
            statement.execute("CREATE DATABASE " + name + " OWNER " + name + " ENCODING 'UTF8' TEMPLATE template0");
        } catch (SQLException e) {
            throw new IllegalStateException("Creating test database " + name + " failed: " + e.getMessage(), e);
        }
        return new TestDatabase(name, jdbcUrl(name), name, password);
    }

    /**
     * Installs {@code pg_stat_statements} in a test database (a superuser's right) and lets the
     * database's login read every user's statements ({@code pg_read_all_stats}), as a catalog
     * login harvesting query logs would be set up.
     */
    public void enableQueryStatistics(TestDatabase database) {
        try (Connection connection = server.getDatabase(SUPERUSER, database.name()).getConnection();
                Statement statement = connection.createStatement()) {
            // the names come from createDatabase, never from a caller's text
            statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            statement.execute("GRANT pg_read_all_stats TO " + database.user());
        } catch (SQLException e) {
            throw new IllegalStateException("Enabling pg_stat_statements in " + database.name() + " failed: " + e.getMessage(), e);
        }
    }

    /** A URL for a database of this server. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/" + database;
    }

    public int port() {
        return server.getPort();
    }
}

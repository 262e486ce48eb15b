package io.zhongtai.graph.neo4j;

import static java.util.Objects.requireNonNull;

import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.io.ByteUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Neo4j Community running inside this process, with its data under a directory of ours and
 * Bolt bound to loopback on a free port, so that the application reaches it through the very
 * driver code path it uses for an external server.
 *
 * <p>Micronaut needs Netty 4.2 while Neo4j 5.26 was built on 4.1. With Netty 4.2 on the class
 * path Neo4j's in-process "local" Bolt connector breaks the driver's handshake, so it is turned
 * off ({@link BoltConnectorInternalSettings#enable_local_connector}, an internal setting that a
 * test pins down). Authentication stays on: the {@code neo4j} user gets the given password. Usage
 * reports to Neo4j are off: nothing leaves the machine.
 */
public final class EmbeddedNeo4j implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedNeo4j.class);

    private final DatabaseManagementService service;
    private final int boltPort;
    private final String password;

    private EmbeddedNeo4j(DatabaseManagementService service, int boltPort, String password) {
        this.service = service;
        this.boltPort = boltPort;
        this.password = password;
    }

    /**
     * Starts (or reopens) the database in {@code directory}.
     *
     * @param pageCacheMegabytes memory for Neo4j's page cache
     */
    public static EmbeddedNeo4j start(Path directory, String password, long pageCacheMegabytes) {
        requireNonNull(directory, "directory is null");
        requireNonNull(password, "password is null");
        int port = freeLoopbackPort();
        long started = System.nanoTime();
        DatabaseManagementService service = new DatabaseManagementServiceBuilder(directory)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnectorInternalSettings.enable_local_connector, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMegabytes))
                .setConfig(GraphDatabaseSettings.transaction_timeout, java.time.Duration.ofMinutes(10))
                .build();
        String uri = "bolt://127.0.0.1:" + port;
        // setting a password costs seconds of Cypher planning on the system database, so it is
        // done only when the password does not already open the server (first start, new secret)
        if (!passwordAccepted(uri, password)) {
            try {
                service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME)
                        .executeTransactionally(
                                "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
            } catch (RuntimeException e) {
                service.shutdown();
                throw new CatalogException(ErrorCode.STORE_UNAVAILABLE, "Could not set up the embedded Neo4j's user", e);
            }
        }
        LOG.info(
                "Embedded Neo4j started in {} ms, Bolt on 127.0.0.1:{}, data in {}",
                (System.nanoTime() - started) / 1_000_000,
                port,
                directory);
        return new EmbeddedNeo4j(service, port, password);
    }

    private static boolean passwordAccepted(String uri, String password) {
        Config config = Config.builder()
                .withConnectionTimeout(10, TimeUnit.SECONDS)
                .withLogging(Logging.none())
                .build();
        try (Driver driver = GraphDatabase.driver(uri, AuthTokens.basic("neo4j", password), config)) {
            driver.verifyConnectivity();
            return true;
        } catch (ClientException e) {
            // a wrong password, or the initial one that must be changed first
            return false;
        }
    }

    public String boltUri() {
        return "bolt://127.0.0.1:" + boltPort;
    }

    public String username() {
        return "neo4j";
    }

    public String password() {
        return password;
    }

    @Override
    public void close() {
        service.shutdown();
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new CatalogException(ErrorCode.STORE_UNAVAILABLE, "No free loopback port for Neo4j's Bolt connector", e);
        }
    }
}

package io.zhongtai.service.api;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.security.SecretCipher;
import io.zhongtai.core.warehouse.Warehouse;
import io.zhongtai.core.warehouse.WarehouseConnections;
import io.zhongtai.service.crawl.WarehouseRegistry;
import io.zhongtai.service.security.Roles;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

/**
 * {@code POST /api/v1/warehouses/{name}/test}: opens a connection to a registered warehouse
 * with its stored settings and says what answered, so that a steward can check a registration
 * before crawling it. A connection that fails is a 502 problem with the driver's reason.
 */
@Controller("/api/v1/warehouses")
@Secured(Roles.STEWARD)
public class WarehouseConnectionController {
    private final WarehouseRegistry registry;
    private final WarehouseConnections connections;
    private final SecretCipher cipher;

    public WarehouseConnectionController(WarehouseRegistry registry, WarehouseConnections connections, SecretCipher cipher) {
        this.registry = registry;
        this.connections = connections;
        this.cipher = cipher;
    }

    /** What answered a connection test, and how long the connection took to open. */
    public record ConnectionTest(String warehouse, boolean ok, String product, String productVersion, String driver, long durationMs) {}

    @Post("/{name}/test")
    public ConnectionTest test(@PathVariable String name) {
        Warehouse warehouse = registry.find(name);
        long start = System.nanoTime();
        try (Connection connection = connections.open(warehouse, cipher.open(warehouse.encryptedPassword()))) {
            DatabaseMetaData metaData = connection.getMetaData();
            return new ConnectionTest(
                    warehouse.name(),
                    true,
                    metaData.getDatabaseProductName(),
                    metaData.getDatabaseProductVersion(),
                    metaData.getDriverName() + " " + metaData.getDriverVersion(),
                    (System.nanoTime() - start) / 1_000_000);
        } catch (SQLException e) {
            throw new CatalogException(
                    ErrorCode.WAREHOUSE_UNAVAILABLE,
                    "Connected to warehouse '" + name + "' but could not read what it is: " + e.getMessage(),
                    e);
        }
    }
}

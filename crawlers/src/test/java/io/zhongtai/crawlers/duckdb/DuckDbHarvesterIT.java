package io.zhongtai.crawlers.duckdb;

import io.zhongtai.core.harvest.Harvester;
import io.zhongtai.core.warehouse.CrawlSettings;
import io.zhongtai.core.warehouse.Dialect;
import io.zhongtai.core.warehouse.Warehouse;
import io.zhongtai.crawlers.AbstractHarvesterContractTest;
import io.zhongtai.crawlers.jdbc.JdbcWarehouseConnections;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;

/**
 * The contract on a DuckDB file, opened once and shared as DuckDB requires. DuckDB has no
 * logins, no cross-schema foreign keys, and names foreign keys itself.
 */
class DuckDbHarvesterIT extends AbstractHarvesterContractTest {
    private final JdbcWarehouseConnections connections = new JdbcWarehouseConnections();
    private final Path directory = temporaryDirectory();
    private final Warehouse file = new Warehouse(
            "contract", "jdbc:duckdb:" + directory.resolve("contract.duckdb"), null, null, Dialect.DUCKDB, CrawlSettings.DEFAULT, null, null, null);

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("zhongtai-duckdb-contract");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    void closeAndRemoveTheFile() throws IOException {
        connections.close();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Override
    protected Harvester harvester() {
        return new DuckDbHarvester();
    }

    @Override
    protected Dialect dialect() {
        return Dialect.DUCKDB;
    }

    @Override
    protected String jdbcUrl() {
        return file.jdbcUrl();
    }

    @Override
    protected Connection connect() throws SQLException {
        return connections.open(file, null);
    }

    @Override
    protected String expectedType(DeclaredType type) {
        return switch (type) {
            case INTEGER -> "INTEGER";
            case VARCHAR_100 -> "VARCHAR"; // DuckDB keeps no length
            case DECIMAL_10_2 -> "DECIMAL(10,2)";
            case DATE -> "DATE";
        };
    }

    @Override
    protected boolean supportsCrossSchemaForeignKeys() {
        return false;
    }

    @Override
    protected boolean keepsForeignKeyNames() {
        return false;
    }
}

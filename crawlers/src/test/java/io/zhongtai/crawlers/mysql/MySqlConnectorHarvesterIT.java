package io.zhongtai.crawlers.mysql;

import io.zhongtai.core.warehouse.Dialect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The contract once more on the same MariaDB server, but through MySQL's own driver
 * (Connector/J) and the MYSQL dialect, as a MySQL warehouse would be read. No MySQL server
 * runs here without Docker; the driver is what differs on the harvester's side.
 */
class MySqlConnectorHarvesterIT extends MariaDbHarvesterIT {
    @Override
    protected Dialect dialect() {
        return Dialect.MYSQL;
    }

    @Override
    protected String jdbcUrl() {
        return super.jdbcUrl().replace("jdbc:mariadb:", "jdbc:mysql:");
    }

    @Override
    protected Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), database().user(), database().password());
    }
}

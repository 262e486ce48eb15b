package io.zhongtai.crawlers.mysql;

import io.zhongtai.core.harvest.Harvester;
import io.zhongtai.core.warehouse.Dialect;
import io.zhongtai.crawlers.AbstractServerHarvesterContractTest;
import io.zhongtai.testing.TestingMariaDb;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * The contract on a real MariaDB 11.4. Its schemas are databases, named after this class's
 * own database so that the harvest, which reads every database the login sees, sees only them.
 */
class MariaDbHarvesterIT extends AbstractServerHarvesterContractTest {
    MariaDbHarvesterIT() {
        super(TestingMariaDb.instance().createDatabase("harvest"));
    }

    @Override
    protected Harvester harvester() {
        return new MySqlHarvester();
    }

    @Override
    protected Dialect dialect() {
        return Dialect.MARIADB;
    }

    @Override
    protected String expectedType(DeclaredType type) {
        return switch (type) {
            case INTEGER -> "int(11)";
            case VARCHAR_100 -> "varchar(100)";
            case DECIMAL_10_2 -> "decimal(10,2)";
            case DATE -> "date";
        };
    }

    @Override
    protected String schemaName(String base) {
        return database().name() + "_" + base;
    }

    @Override
    protected String quote(String identifier) {
        return '`' + identifier.replace("`", "``") + '`';
    }

    @Override
    protected String createSchema(String schema) {
        return "CREATE DATABASE " + schema;
    }

    @Override
    protected String dropSchema(String schema) {
        return "DROP DATABASE IF EXISTS " + schema;
    }

    @Override
    protected String commentOnTable(String table, String comment) {
        return "ALTER TABLE " + table + " COMMENT = '" + comment + "'";
    }

    @Override
    protected String commentOnColumn(String table, String column, String definition, String comment) {
        return "ALTER TABLE " + table + " MODIFY " + column + " " + definition + " COMMENT '" + comment + "'";
    }

    @Override
    protected String renameTable(String schema, String from, String to) {
        return "RENAME TABLE " + schema + "." + from + " TO " + schema + "." + to;
    }

    @Override
    protected void refreshStatistics(Statement statement, List<String> tables) throws SQLException {
        statement.execute("ANALYZE TABLE " + String.join(", ", tables));
    }

    @Override
    protected Optional<Connection> connectAsRestrictedUser(String schema, String readable, String unreadable) throws SQLException {
        String login = database().name() + "_reader";
        execute("CREATE USER '" + login + "'@'%' IDENTIFIED BY 'reader'",
                "GRANT SELECT ON " + schema + "." + readable + " TO '" + login + "'@'%'",
                // a right on the table, so that the login sees it, but not the right to read it
                "GRANT INSERT ON " + schema + "." + unreadable + " TO '" + login + "'@'%'");
        // the URL names no database: the reader has no right on the class's own one
        return Optional.of(DriverManager.getConnection(TestingMariaDb.instance().jdbcUrl(""), login, "reader"));
    }

    @Override
    protected boolean knowsSizes() {
        return true;
    }
}

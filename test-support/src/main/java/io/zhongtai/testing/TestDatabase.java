package io.zhongtai.testing;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A database a test class has to itself on a shared test server, and the login that owns it.
 *
 * @param name the database's name, as the server stores it
 * @param jdbcUrl a URL that connects to this database
 * @param user a login owning the database (not a superuser)
 * @param password that login's password
 */
public record TestDatabase(String name, String jdbcUrl, String user, String password) {
    public TestDatabase {
        requireNonNull(name, "name is null");
        requireNonNull(jdbcUrl, "jdbcUrl is null");
        requireNonNull(user, "user is null");
        requireNonNull(password, "password is null");
    }

    /** A new connection as the owning login; the caller closes it. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    @Override
    public String toString() {
        // keeps the password out of test reports
        return "TestDatabase[" + name + " at " + jdbcUrl + " as " + user + "]";
    }
}

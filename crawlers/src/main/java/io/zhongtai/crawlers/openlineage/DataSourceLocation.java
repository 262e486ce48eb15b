package io.zhongtai.crawlers.openlineage;

import static java.util.Objects.requireNonNull;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a data source lives, read either from a registered warehouse's JDBC URL or from an
 * OpenLineage dataset namespace, in one form so that the two can be compared: the engine family,
 * its hosts and ports, and the database (a database name, or for file engines the file's absolute
 * path).
 *
 * <p>Families and the forms read:
 *
 * <ul>
 *   <li>PostgreSQL: {@code jdbc:postgresql://host[:port][,host2[:port]]/db} (also
 *       {@code jdbc:postgresql:db} for localhost, and no database meaning the user's name), and the
 *       namespace {@code postgres://host:port} (or {@code postgresql://}); port 5432 by default.
 *   <li>MySQL and MariaDB, one family: {@code jdbc:mysql://host:port/db}, {@code jdbc:mariadb:...}
 *       (sub-protocols such as {@code replication:} skipped), and {@code mysql://host:port} or
 *       {@code mariadb://host:port}; port 3306 by default.
 *   <li>DuckDB: {@code jdbc:duckdb:/path/file.duckdb} and {@code duckdb:///path/file.duckdb} (or
 *       {@code duckdb:/path/...}): the absolute, normalised path.
 *   <li>H2: {@code jdbc:h2:file:/path/db}, {@code jdbc:h2:/path/db}, {@code jdbc:h2:mem:name},
 *       {@code jdbc:h2:tcp://host:port/path}, and the same text after {@code h2:} as a namespace.
 * </ul>
 *
 * Host names compare case-insensitively, and {@code localhost}, {@code 127.0.0.1} and {@code ::1}
 * are one host.
 *
 * @param family the engine family
 * @param hosts {@code host:port} pairs, lower-case; empty for file and memory databases
 * @param database the database name, a file path, {@code mem:<name>} for an H2 memory database,
 *     or null when the source does not say (a namespace names a server, not a database)
 */
public record DataSourceLocation(Family family, List<String> hosts, String database) {
    /** The engine families whose registered warehouses OpenLineage datasets can resolve onto. */
    public enum Family {
        POSTGRES(5432),
        MYSQL(3306),
        DUCKDB(-1),
        H2(9092);

        private final int defaultPort;

        Family(int defaultPort) {
            this.defaultPort = defaultPort;
        }
    }

    private static final List<String> LOOPBACK = List.of("localhost", "127.0.0.1", "::1", "[::1]", "0:0:0:0:0:0:0:1");

    public DataSourceLocation {
        requireNonNull(family, "family is null");
        hosts = List.copyOf(requireNonNull(hosts, "hosts is null"));
    }

    /** True when the two name a common host and port (or the same file) of the same family. */
    public boolean sameServer(DataSourceLocation other) {
        if (family != other.family) {
            return false;
        }
        if (hosts.isEmpty() || other.hosts.isEmpty()) {
            return hosts.isEmpty() && other.hosts.isEmpty() && database != null && database.equals(other.database);
        }
        return hosts.stream().anyMatch(other.hosts::contains);
    }

    /** The location of a registered warehouse, or empty when its URL is of no family read here. */
    public static Optional<DataSourceLocation> ofJdbcUrl(String jdbcUrl, String username) {
        requireNonNull(jdbcUrl, "jdbcUrl is null");
        String lower = jdbcUrl.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:postgresql:")) {
            String rest = withoutParameters(jdbcUrl.substring("jdbc:postgresql:".length()), "?");
            if (!rest.startsWith("//")) {
                // jdbc:postgresql:database means localhost:5432
                return Optional.of(new DataSourceLocation(Family.POSTGRES, List.of("localhost:5432"), emptyToNull(rest)));
            }
            return server(Family.POSTGRES, rest.substring(2), username);
        }
        for (String prefix : List.of("jdbc:mysql:", "jdbc:mariadb:")) {
            if (lower.startsWith(prefix)) {
                String rest = withoutParameters(jdbcUrl.substring(prefix.length()), "?");
                int slashes = rest.indexOf("//");
                if (slashes < 0) {
                    return Optional.empty();
                }
                return server(Family.MYSQL, rest.substring(slashes + 2), null);
            }
        }
        if (lower.startsWith("jdbc:duckdb:")) {
            String path = withoutParameters(jdbcUrl.substring("jdbc:duckdb:".length()), "?");
            if (path.isBlank() || path.startsWith(":memory:")) {
                return Optional.empty();
            }
            return file(Family.DUCKDB, path);
        }
        if (lower.startsWith("jdbc:h2:")) {
            return h2(withoutParameters(jdbcUrl.substring("jdbc:h2:".length()), ";"));
        }
        return Optional.empty();
    }

    /** The location an OpenLineage dataset namespace names, or empty for other kinds of source. */
    public static Optional<DataSourceLocation> ofNamespace(String namespace) {
        requireNonNull(namespace, "namespace is null");
        int colon = namespace.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String scheme = namespace.substring(0, colon).toLowerCase(Locale.ROOT);
        String rest = namespace.substring(colon + 1);
        return switch (scheme) {
            case "postgres", "postgresql" -> rest.startsWith("//")
                    ? server(Family.POSTGRES, rest.substring(2), null).map(DataSourceLocation::serverOnly)
                    : Optional.empty();
            case "mysql", "mariadb" -> rest.startsWith("//")
                    ? server(Family.MYSQL, rest.substring(2), null).map(DataSourceLocation::serverOnly)
                    : Optional.empty();
            case "duckdb" -> {
                String path = rest.startsWith("//") ? rest.substring(2) : rest;
                yield path.isBlank() ? Optional.empty() : file(Family.DUCKDB, path);
            }
            case "h2" -> h2(rest);
            default -> Optional.empty();
        };
    }

    private DataSourceLocation serverOnly() {
        return new DataSourceLocation(family, hosts, null);
    }

    /** {@code host[:port][,host[:port]]...[/database]}. */
    private static Optional<DataSourceLocation> server(Family family, String authorityAndPath, String username) {
        int slash = authorityAndPath.indexOf('/');
        String authority = slash < 0 ? authorityAndPath : authorityAndPath.substring(0, slash);
        String database = slash < 0 ? null : emptyToNull(authorityAndPath.substring(slash + 1));
        if (database == null && family == Family.POSTGRES) {
            database = username; // PostgreSQL connects to the database named like the user
        }
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            authority = authority.substring(at + 1);
        }
        List<String> hosts = new ArrayList<>();
        for (String part : authority.split(",")) {
            Optional<String> hostPort = hostPort(part.strip(), family.defaultPort);
            if (hostPort.isEmpty()) {
                return Optional.empty();
            }
            hosts.add(hostPort.get());
        }
        if (hosts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DataSourceLocation(family, hosts, database));
    }

    /** {@code host}, {@code host:port}, {@code [v6]:port} or a bare IPv6 address, as {@code host:port}. */
    private static Optional<String> hostPort(String text, int defaultPort) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String host = text;
        String port = null;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                return Optional.empty();
            }
            host = text.substring(0, close + 1);
            String rest = text.substring(close + 1);
            port = rest.startsWith(":") ? rest.substring(1) : null;
        } else if (text.indexOf(':') > 0 && text.indexOf(':') == text.lastIndexOf(':')) {
            host = text.substring(0, text.indexOf(':'));
            port = text.substring(text.indexOf(':') + 1);
        }
        int number = defaultPort;
        if (port != null) {
            try {
                number = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.of(canonicalHost(host) + ":" + number);
    }

    private static Optional<DataSourceLocation> h2(String location) {
        String lower = location.toLowerCase(Locale.ROOT);
        if (lower.startsWith("mem:")) {
            return Optional.of(new DataSourceLocation(Family.H2, List.of(), "mem:" + location.substring(4)));
        }
        if (lower.startsWith("tcp://") || lower.startsWith("ssl://")) {
            String rest = location.substring(6);
            int slash = rest.indexOf('/');
            if (slash < 0) {
                return Optional.empty();
            }
            return server(Family.H2, rest.substring(0, slash), null)
                    .map(server -> new DataSourceLocation(Family.H2, server.hosts(), rest.substring(slash + 1)));
        }
        String path = lower.startsWith("file:") ? location.substring(5) : location;
        if (path.startsWith("~")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        return file(Family.H2, path);
    }

    private static Optional<DataSourceLocation> file(Family family, String path) {
        try {
            return Optional.of(new DataSourceLocation(
                    family, List.of(), Path.of(path).toAbsolutePath().normalize().toString()));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static String canonicalHost(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return LOOPBACK.contains(lower) ? "localhost" : lower;
    }

    private static String withoutParameters(String text, String separator) {
        int at = text.indexOf(separator);
        return at < 0 ? text : text.substring(0, at);
    }

    private static String emptyToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}

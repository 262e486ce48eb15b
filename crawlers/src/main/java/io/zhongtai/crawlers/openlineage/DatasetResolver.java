package io.zhongtai.crawlers.openlineage;

import static java.util.Objects.requireNonNull;

import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.asset.AssetType;
import io.zhongtai.core.warehouse.Dialect;
import io.zhongtai.core.warehouse.Warehouse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Resolves an OpenLineage dataset (namespace, name) onto the catalog (ARCHITECTURE.md,
 * "Identity"): onto the registered warehouse whose JDBC URL names the namespace's host and port
 * (or file) and the name's database, so that lineage lands on the node a crawler made; otherwise
 * into an external warehouse named after the namespace ({@link OpenLineageNames}).
 *
 * <p>Names follow OpenLineage's naming spec: PostgreSQL {@code database.schema.table}, MySQL and
 * MariaDB {@code database.table} (a MySQL database is the catalog's schema), DuckDB and H2
 * {@code catalog.schema.table} or {@code schema.table}. A PostgreSQL name of two parts resolves
 * when exactly one warehouse is registered on that server. In an external warehouse the last
 * dotted part of the name is the table and the parts before it the schema; a path ({@code
 * /data/orders}, from file and object stores) splits at its last {@code /} instead, and a name
 * with neither has the schema {@value #DEFAULT_SCHEMA}.
 */
public final class DatasetResolver {
    /** The schema of an external dataset whose name has one part. */
    public static final String DEFAULT_SCHEMA = "default";

    /** A registered warehouse as resolution needs it. */
    public record KnownWarehouse(String name, String jdbcUrl, String username, Dialect dialect) {
        public KnownWarehouse {
            requireNonNull(name, "name is null");
            requireNonNull(jdbcUrl, "jdbcUrl is null");
            requireNonNull(dialect, "dialect is null");
        }

        public static KnownWarehouse of(Warehouse warehouse) {
            return new KnownWarehouse(warehouse.name(), warehouse.jdbcUrl(), warehouse.username(), warehouse.dialect());
        }
    }

    /**
     * Where a dataset resolved to.
     *
     * @param id the table id (a caller that knows the asset is a view turns it into one)
     * @param registered true when it resolved onto a registered warehouse
     * @param dialect the registered warehouse's dialect, else the one the namespace's scheme names
     *     ({@link Dialect#GENERIC} when none)
     */
    public record ResolvedDataset(AssetId id, boolean registered, Dialect dialect) {
        public ResolvedDataset {
            requireNonNull(id, "id is null");
            requireNonNull(dialect, "dialect is null");
        }
    }

    private record Located(KnownWarehouse warehouse, DataSourceLocation location) {}

    private final List<Located> warehouses = new ArrayList<>();

    public DatasetResolver(List<KnownWarehouse> registered) {
        registered.stream().sorted(Comparator.comparing(KnownWarehouse::name)).forEach(warehouse -> DataSourceLocation
                .ofJdbcUrl(warehouse.jdbcUrl(), warehouse.username())
                .ifPresent(location -> warehouses.add(new Located(warehouse, location))));
    }

    /** The catalog dataset an OpenLineage (namespace, name) stands for. */
    public ResolvedDataset resolve(String namespace, String name) {
        requireNonNull(namespace, "namespace is null");
        requireNonNull(name, "name is null");
        Optional<DataSourceLocation> location = DataSourceLocation.ofNamespace(namespace);
        if (location.isPresent()) {
            Optional<ResolvedDataset> registered = onRegistered(location.get(), List.of(name.split("\\.", -1)));
            if (registered.isPresent()) {
                return registered.get();
            }
        }
        return external(namespace, name);
    }

    private Optional<ResolvedDataset> onRegistered(DataSourceLocation source, List<String> parts) {
        if (parts.stream().anyMatch(String::isEmpty)) {
            return Optional.empty();
        }
        List<Located> candidates = warehouses.stream().filter(w -> w.location().sameServer(source)).toList();
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        return switch (source.family()) {
            case POSTGRES -> {
                if (parts.size() == 3) {
                    yield byDatabase(candidates, parts.get(0)).map(w -> dataset(w, parts.get(1), parts.get(2)));
                }
                yield parts.size() == 2 && candidates.size() == 1
                        ? Optional.of(dataset(candidates.get(0), parts.get(0), parts.get(1)))
                        : Optional.empty();
            }
            case MYSQL -> {
                if (parts.size() < 2 || parts.size() > 3) {
                    yield Optional.empty();
                }
                String database = parts.get(parts.size() - 2);
                Located chosen = byDatabase(candidates, database).orElse(candidates.get(0));
                yield Optional.of(dataset(chosen, database, parts.get(parts.size() - 1)));
            }
            case DUCKDB, H2 -> parts.size() == 2 || parts.size() == 3
                    ? Optional.of(dataset(candidates.get(0), parts.get(parts.size() - 2), parts.get(parts.size() - 1)))
                    : Optional.empty();
        };
    }

    private static Optional<Located> byDatabase(List<Located> candidates, String database) {
        Optional<Located> exact = candidates.stream().filter(w -> database.equals(w.location().database())).findFirst();
        return exact.isPresent()
                ? exact
                : candidates.stream().filter(w -> database.equalsIgnoreCase(w.location().database())).findFirst();
    }

    private static ResolvedDataset dataset(Located warehouse, String schema, String table) {
        return new ResolvedDataset(
                AssetId.of(AssetType.TABLE, warehouse.warehouse().name(), schema, table), true, warehouse.warehouse().dialect());
    }

    private static ResolvedDataset external(String namespace, String name) {
        String warehouse = OpenLineageNames.externalWarehouse(namespace);
        String trimmed = name.endsWith("/") && name.length() > 1 ? name.substring(0, name.length() - 1) : name;
        String schema;
        String table;
        int slash = trimmed.lastIndexOf('/');
        int dot = trimmed.lastIndexOf('.');
        if (slash >= 0) {
            schema = stripSlashes(trimmed.substring(0, slash));
            table = trimmed.substring(slash + 1);
        } else if (dot > 0 && dot < trimmed.length() - 1) {
            schema = trimmed.substring(0, dot);
            table = trimmed.substring(dot + 1);
        } else {
            schema = DEFAULT_SCHEMA;
            table = trimmed;
        }
        if (schema.isEmpty()) {
            schema = DEFAULT_SCHEMA;
        }
        return new ResolvedDataset(AssetId.of(AssetType.TABLE, warehouse, schema, table), false, dialectOf(namespace));
    }

    private static String stripSlashes(String path) {
        int start = 0;
        while (start < path.length() && path.charAt(start) == '/') {
            start++;
        }
        return path.substring(start);
    }

    /** The dialect a namespace's scheme names, for reading the SQL of datasets outside registered warehouses. */
    static Dialect dialectOf(String namespace) {
        int colon = namespace.indexOf(':');
        String scheme = colon <= 0 ? namespace : namespace.substring(0, colon);
        return switch (scheme.toLowerCase(Locale.ROOT)) {
            case "postgres", "postgresql", "redshift" -> Dialect.POSTGRES;
            case "mysql" -> Dialect.MYSQL;
            case "mariadb" -> Dialect.MARIADB;
            case "duckdb" -> Dialect.DUCKDB;
            case "h2" -> Dialect.H2;
            case "hive" -> Dialect.HIVE;
            case "spark", "databricks" -> Dialect.SPARK;
            case "snowflake" -> Dialect.SNOWFLAKE;
            case "bigquery" -> Dialect.BIGQUERY;
            case "trino" -> Dialect.TRINO;
            case "clickhouse" -> Dialect.CLICKHOUSE;
            default -> Dialect.GENERIC;
        };
    }
}

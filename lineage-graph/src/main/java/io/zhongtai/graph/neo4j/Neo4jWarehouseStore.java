package io.zhongtai.graph.neo4j;

import static java.util.Objects.requireNonNull;

import io.zhongtai.core.Actor;
import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.asset.AssetType;
import io.zhongtai.core.change.Change;
import io.zhongtai.core.change.ChangeKind;
import io.zhongtai.core.harvest.HarvestBatch;
import io.zhongtai.core.harvest.HarvestPolicy;
import io.zhongtai.core.warehouse.CrawlSettings;
import io.zhongtai.core.warehouse.Dialect;
import io.zhongtai.core.warehouse.Warehouse;
import io.zhongtai.core.warehouse.WarehouseStore;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;

/**
 * Warehouse registrations as {@code WarehouseConnection} nodes beside the warehouse's asset.
 * The password is stored only in the sealed form the caller gives.
 */
public final class Neo4jWarehouseStore implements WarehouseStore {
    private final Neo4jGraph graph;
    private final Clock clock;

    public Neo4jWarehouseStore(Neo4jGraph graph, Clock clock) {
        this.graph = requireNonNull(graph, "graph is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public Warehouse create(Warehouse warehouse, Actor actor) {
        Instant now = now();
        return graph.write(tx -> {
            if (read(tx, warehouse.name()).isPresent()) {
                throw new CatalogException(ErrorCode.ALREADY_EXISTS, "A warehouse named '" + warehouse.name() + "' is already registered");
            }
            Map<String, Object> props = properties(warehouse);
            props.put("createdAt", now.toEpochMilli());
            props.put("updatedAt", now.toEpochMilli());
            tx.run("CREATE (w:WarehouseConnection) SET w = $props", Map.of("props", props)).consume();
            AssetId id = AssetId.of(AssetType.WAREHOUSE, warehouse.name());
            Record asset = tx.run(
                            "MERGE (a:Asset:Warehouse {id: $id}) ON CREATE SET a.type = 'warehouse', a.name = $name, "
                                    + "a.qualifiedName = $name, a.warehouse = $name, a.version = 0, a.createdAt = $now, a.deleted = true "
                                    + "WITH a, a.deleted AS wasDeleted, a.version AS version "
                                    + "SET a.deleted = false, a.dialect = $dialect, a.updatedAt = $now, "
                                    + "a.version = CASE WHEN wasDeleted THEN version + 1 ELSE version END "
                                    + "RETURN wasDeleted, a.version AS version",
                            Map.of(
                                    "id", id.toString(),
                                    "name", warehouse.name(),
                                    "dialect", warehouse.dialect().value(),
                                    "now", now.toEpochMilli()))
                    .single();
            if (asset.get("wasDeleted").asBoolean()) {
                long version = asset.get("version").asLong();
                ChangeLogWriter.append(
                        tx,
                        List.of(new ChangeLogWriter.Pending(
                                id,
                                version,
                                version == 1 ? ChangeKind.CREATED : ChangeKind.RESTORED,
                                List.of(new Change("jdbcUrl", null, warehouse.jdbcUrl())),
                                false)),
                        now,
                        actor.name());
            }
            return read(tx, warehouse.name()).orElseThrow();
        });
    }

    @Override
    public Warehouse update(Warehouse warehouse, Actor actor) {
        Instant now = now();
        return graph.write(tx -> {
            require(tx, warehouse.name());
            Map<String, Object> props = properties(warehouse);
            props.put("updatedAt", now.toEpochMilli());
            tx.run("MATCH (w:WarehouseConnection {name: $name}) SET w += $props", Map.of("name", warehouse.name(), "props", props))
                    .consume();
            return read(tx, warehouse.name()).orElseThrow();
        });
    }

    @Override
    public Optional<Warehouse> find(String name) {
        return graph.read(tx -> read(tx, name));
    }

    @Override
    public List<Warehouse> list() {
        return graph.read(tx -> tx.run("MATCH (w:WarehouseConnection) RETURN w ORDER BY w.name")
                .list(record -> toWarehouse(record.get("w").asNode())));
    }

    /** Removes the registration and soft-deletes the warehouse and everything harvested from it. */
    @Override
    public void delete(String name, Actor actor) {
        Instant now = now();
        graph.writeVoid(tx -> {
            require(tx, name);
            HarvestWriter.apply(tx, new HarvestBatch(name, List.of()), HarvestPolicy.REMOVE_ALL, now, actor.name());
            AssetId id = AssetId.of(AssetType.WAREHOUSE, name);
            long version = tx.run(
                            "MATCH (w:WarehouseConnection {name: $name}) DELETE w WITH 1 AS done "
                                    + "MATCH (a:Asset {id: $id}) SET a.deleted = true, a.version = a.version + 1, a.updatedAt = $now "
                                    + "RETURN a.version AS version",
                            Map.of("name", name, "id", id.toString(), "now", now.toEpochMilli()))
                    .single()
                    .get("version")
                    .asLong();
            ChangeLogWriter.append(
                    tx,
                    List.of(new ChangeLogWriter.Pending(
                            id, version, ChangeKind.REMOVED, List.of(new Change("deleted", false, true)), true)),
                    now,
                    actor.name());
        });
    }

    private static void require(TransactionContext tx, String name) {
        if (read(tx, name).isEmpty()) {
            throw new CatalogException(ErrorCode.WAREHOUSE_NOT_FOUND, "No warehouse named '" + name + "' is registered");
        }
    }

    private static Optional<Warehouse> read(TransactionContext tx, String name) {
        return tx.run("MATCH (w:WarehouseConnection {name: $name}) RETURN w", Map.of("name", name)).list().stream()
                .findFirst()
                .map(record -> toWarehouse(record.get("w").asNode()));
    }

    private static Map<String, Object> properties(Warehouse warehouse) {
        Map<String, Object> props = new HashMap<>();
        props.put("name", warehouse.name());
        props.put("jdbcUrl", warehouse.jdbcUrl());
        props.put("username", warehouse.username());
        props.put("encryptedPassword", warehouse.encryptedPassword());
        props.put("dialect", warehouse.dialect().value());
        CrawlSettings crawl = warehouse.crawl();
        props.put("includeSchemas", crawl.includeSchemas());
        props.put("excludeSchemas", crawl.excludeSchemas());
        props.put("includeTables", crawl.includeTables());
        props.put("excludeTables", crawl.excludeTables());
        props.put("profileColumns", crawl.profileColumns());
        props.put("profileSampleRows", crawl.profileSampleRows());
        props.put("maxRemovalShare", crawl.maxRemovalShare());
        props.put("schedule", warehouse.schedule());
        return props;
    }

    private static Warehouse toWarehouse(Node node) {
        return new Warehouse(
                node.get("name").asString(),
                node.get("jdbcUrl").asString(),
                AssetRows.nullableString(node.get("username")),
                AssetRows.nullableString(node.get("encryptedPassword")),
                Dialect.fromValue(node.get("dialect").asString()),
                new CrawlSettings(
                        strings(node, "includeSchemas"),
                        strings(node, "excludeSchemas"),
                        strings(node, "includeTables"),
                        strings(node, "excludeTables"),
                        node.get("profileColumns").asBoolean(false),
                        node.get("profileSampleRows").asInt(CrawlSettings.DEFAULT_SAMPLE_ROWS),
                        node.get("maxRemovalShare").asDouble(CrawlSettings.DEFAULT_MAX_REMOVAL_SHARE)),
                AssetRows.nullableString(node.get("schedule")),
                AssetRows.instant(node.get("createdAt")),
                AssetRows.instant(node.get("updatedAt")));
    }

    private static List<String> strings(Node node, String key) {
        return node.get(key).isNull() ? List.of() : node.get(key).asList(Value::asString);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}

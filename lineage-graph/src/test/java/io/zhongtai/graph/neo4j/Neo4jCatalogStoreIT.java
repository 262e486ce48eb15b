package io.zhongtai.graph.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhongtai.core.Actor;
import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.PageRequest;
import io.zhongtai.core.asset.Asset;
import io.zhongtai.core.asset.AssetDetail;
import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.asset.AssetPatch;
import io.zhongtai.core.asset.AssetQuery;
import io.zhongtai.core.asset.AssetType;
import io.zhongtai.core.asset.Classification;
import io.zhongtai.core.asset.OwnerRef;
import io.zhongtai.core.asset.TagAssignment;
import io.zhongtai.core.asset.TagSource;
import io.zhongtai.core.change.Change;
import io.zhongtai.core.change.ChangeEvent;
import io.zhongtai.core.change.ChangeKind;
import io.zhongtai.core.harvest.HarvestBatch;
import io.zhongtai.core.harvest.HarvestPolicy;
import io.zhongtai.core.harvest.HarvestResult;
import io.zhongtai.core.harvest.HarvestedColumn;
import io.zhongtai.core.harvest.HarvestedForeignKey;
import io.zhongtai.core.harvest.HarvestedSchema;
import io.zhongtai.core.harvest.HarvestedTable;
import io.zhongtai.core.harvest.TableKind;
import io.zhongtai.core.security.Group;
import io.zhongtai.core.security.Role;
import io.zhongtai.core.security.User;
import io.zhongtai.core.warehouse.CrawlSettings;
import io.zhongtai.core.warehouse.Dialect;
import io.zhongtai.core.warehouse.Warehouse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class Neo4jCatalogStoreIT {
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final Actor ALICE = new Actor("alice");

    private final Neo4jGraph graph = TestingNeo4j.graph();
    private final Neo4jCatalogStore store = new Neo4jCatalogStore(graph, Clock.systemUTC());
    private final Neo4jWarehouseStore warehouses = new Neo4jWarehouseStore(graph, Clock.systemUTC());
    private final Neo4jIdentityStore identities = new Neo4jIdentityStore(graph, Clock.systemUTC());
    private final String warehouse = "w" + NEXT.incrementAndGet() + "-" + System.nanoTime() % 100000;

    private HarvestBatch shop(List<HarvestedColumn> orderColumns) {
        HarvestedTable customers = new HarvestedTable(
                "customers",
                TableKind.TABLE,
                "Customers",
                null,
                3L,
                null,
                List.of(new HarvestedColumn("customer_id", "INTEGER", false, 1, null, "Key")),
                List.of("customer_id"),
                List.of());
        HarvestedTable orders = new HarvestedTable(
                "orders",
                TableKind.TABLE,
                "Orders",
                null,
                5L,
                null,
                orderColumns,
                List.of("order_id"),
                List.of(new HarvestedForeignKey("fk_customer", List.of("customer_id"), "sales", "customers", List.of("customer_id"))));
        HarvestedTable view = new HarvestedTable(
                "v_orders",
                TableKind.VIEW,
                null,
                "SELECT * FROM sales.orders",
                null,
                null,
                List.of(new HarvestedColumn("order_id", "BIGINT", true, 1, null, null)),
                List.of(),
                List.of());
        return new HarvestBatch(warehouse, List.of(new HarvestedSchema("sales", "Sales data", List.of(customers, orders, view))));
    }

    private static List<HarvestedColumn> orderColumns(String amountType) {
        return List.of(
                new HarvestedColumn("order_id", "BIGINT", false, 1, null, "Order key"),
                new HarvestedColumn("customer_id", "INTEGER", false, 2, null, "Who ordered"),
                new HarvestedColumn("amount", amountType, true, 3, "0", "Order amount"));
    }

    private AssetId id(String text) {
        return AssetId.parse(text.replace("$w", warehouse));
    }

    @Test
    void harvestWritesTheTreeWithColumnsKeysAndStatistics() {
        HarvestResult result = store.applyHarvest(shop(orderColumns("DECIMAL(10,2)")), ALICE, HarvestPolicy.DEFAULT);
        assertThat(result).isEqualTo(new HarvestResult(9, 0, 0));

        AssetDetail orders = store.findAsset(id("table:$w.sales.orders")).orElseThrow();
        assertThat(orders.asset().description()).isEqualTo("Orders");
        assertThat(orders.asset().version()).isEqualTo(1);
        assertThat(orders.asset().attributes()).containsEntry("rowCount", 5L).containsEntry("primaryKey", "order_id");
        assertThat(orders.columns()).extracting(c -> c.id().name()).containsExactly("order_id", "customer_id", "amount");
        Asset amount = orders.columns().get(2);
        assertThat(amount.attributes())
                .containsEntry("dataType", "DECIMAL(10,2)")
                .containsEntry("nullable", true)
                .containsEntry("position", 3L)
                .containsEntry("defaultValue", "0");
        assertThat(orders.foreignKeys()).singleElement().satisfies(key -> {
            assertThat(key.name()).isEqualTo("fk_customer");
            assertThat(key.columns()).containsExactly(id("column:$w.sales.orders.customer_id"));
            assertThat(key.referencedColumns()).containsExactly(id("column:$w.sales.customers.customer_id"));
        });
        AssetDetail view = store.findAsset(id("view:$w.sales.v_orders")).orElseThrow();
        assertThat(view.asset().attributes()).containsEntry("viewSql", "SELECT * FROM sales.orders").containsEntry("tableKind", "VIEW");
        assertThat(store.listAssets(new AssetQuery(AssetType.COLUMN, warehouse, null, false), new PageRequest(0, 50)).total())
                .isEqualTo(5);
    }

    @Test
    void sameHarvestTwiceChangesNothingAndMakesNoVersion() {
        store.applyHarvest(shop(orderColumns("DECIMAL(10,2)")), ALICE, HarvestPolicy.DEFAULT);
        long eventsBefore = eventCount();
        assertThat(store.applyHarvest(shop(orderColumns("DECIMAL(10,2)")), ALICE, HarvestPolicy.DEFAULT)).isEqualTo(HarvestResult.NOTHING);
        assertThat(eventCount()).isEqualTo(eventsBefore);
        assertThat(store.findAsset(id("table:$w.sales.orders")).orElseThrow().asset().version()).isEqualTo(1);
    }

    @Test
    void retypedAndDroppedColumnsAreVersionedAndBreaking() {
        store.applyHarvest(shop(orderColumns("DECIMAL(10,2)")), ALICE, HarvestPolicy.DEFAULT);
        assertThat(store.applyHarvest(shop(orderColumns("VARCHAR")), new Actor("crawler"), HarvestPolicy.DEFAULT)).isEqualTo(new HarvestResult(0, 2, 0));

        List<ChangeEvent> tableHistory = store.history(id("table:$w.sales.orders"), new PageRequest(0, 10)).items();
        assertThat(tableHistory).hasSize(2);
        ChangeEvent latest = tableHistory.get(0);
        assertThat(latest.version()).isEqualTo(2);
        assertThat(latest.by()).isEqualTo("crawler");
        assertThat(latest.breaking()).isTrue();
        assertThat(latest.changes()).containsExactly(new Change("columns.amount", "DECIMAL(10,2)", "VARCHAR"));
        assertThat(tableHistory.get(1).kind()).isEqualTo(ChangeKind.CREATED);

        store.applyHarvest(shop(orderColumns("VARCHAR").subList(0, 2)), ALICE, HarvestPolicy.DEFAULT);
        AssetDetail orders = store.findAsset(id("table:$w.sales.orders")).orElseThrow();
        assertThat(orders.columns()).extracting(c -> c.id().name()).containsExactly("order_id", "customer_id");
        Asset dropped = store.findAsset(id("column:$w.sales.orders.amount")).orElseThrow().asset();
        assertThat(dropped.deleted()).isTrue();
        assertThat(dropped.version()).isEqualTo(3);
        ChangeEvent removal = store.history(dropped.id(), new PageRequest(0, 1)).items().get(0);
        assertThat(removal.kind()).isEqualTo(ChangeKind.REMOVED);
        assertThat(removal.breaking()).isTrue();
        // the column comes back: restored, not re-created, its history kept
        store.applyHarvest(shop(orderColumns("VARCHAR")), ALICE, HarvestPolicy.DEFAULT);
        Asset back = store.findAsset(dropped.id()).orElseThrow().asset();
        assertThat(back.deleted()).isFalse();
        assertThat(back.version()).isEqualTo(4);
        assertThat(store.history(dropped.id(), new PageRequest(0, 10)).total()).isEqualTo(4);
    }

    @Test
    void changeLogSequenceHasNoGaps() {
        long before = lastSequence();
        store.applyHarvest(shop(orderColumns("INTEGER")), ALICE, HarvestPolicy.DEFAULT);
        List<ChangeEvent> events = store.changesSince(before, 1000);
        assertThat(events).hasSize(9);
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).sequence()).isEqualTo(before + 1 + i);
        }
    }

    @Test
    void patchSetsCuratedFieldsAndKeepsTheHarvestedDescriptionUnderneath() {
        store.applyHarvest(shop(orderColumns("INTEGER")), ALICE, HarvestPolicy.DEFAULT);
        identities.createGroup(new Group(warehouse + "-team", "Team", null, null, List.of(), Instant.now()), ALICE);
        store.createClassification(new Classification(AssetId.of(AssetType.TAG, warehouse + "-pii"), "Personal data", List.of(), List.of(), 0, null, 0), ALICE);
        store.createClassification(new Classification(AssetId.of(AssetType.TERM, warehouse + " Revenue"), "Money in", List.of("营收"), List.of(), 0, null, 0), ALICE);
        AssetId orders = id("table:$w.sales.orders");

        Asset patched = store.patchAsset(
                orders,
                new AssetPatch(
                        Optional.of(Optional.of("All orders, paid or not")),
                        Optional.of(List.of(AssetId.of(AssetType.GROUP, warehouse + "-team"))),
                        Optional.of(List.of(new TagAssignment(warehouse + "-pii", "email", TagSource.MANUAL))),
                        Optional.of(List.of(warehouse + " Revenue")),
                        Optional.empty()),
                ALICE);
        assertThat(patched.version()).isEqualTo(2);
        assertThat(patched.description()).isEqualTo("All orders, paid or not");
        assertThat(patched.owners()).containsExactly(new OwnerRef(AssetId.of(AssetType.GROUP, warehouse + "-team"), "Team"));
        assertThat(patched.tags()).containsExactly(new TagAssignment(warehouse + "-pii", "email", TagSource.MANUAL));
        assertThat(patched.terms()).containsExactly(warehouse + " Revenue");
        ChangeEvent event = store.history(orders, new PageRequest(0, 1)).items().get(0);
        assertThat(event.by()).isEqualTo("alice");
        assertThat(event.changes()).extracting(Change::field).containsExactly("description", "owners", "tags", "terms");
        assertThat(store.findClassification(AssetId.of(AssetType.TAG, warehouse + "-pii")).orElseThrow().usage()).isEqualTo(1);

        // the same edit again makes no version; clearing the description shows the harvested one
        store.patchAsset(orders, new AssetPatch(Optional.of(Optional.of("All orders, paid or not")), null, null, null, null), ALICE);
        assertThat(store.findAsset(orders).orElseThrow().asset().version()).isEqualTo(2);
        Asset cleared = store.patchAsset(orders, new AssetPatch(Optional.of(Optional.empty()), null, null, null, null), ALICE);
        assertThat(cleared.description()).isEqualTo("Orders");
        assertThat(cleared.version()).isEqualTo(3);
        // a crawl keeps the curated fields
        store.applyHarvest(shop(orderColumns("INTEGER")), ALICE, HarvestPolicy.DEFAULT);
        assertThat(store.findAsset(orders).orElseThrow().asset().owners()).hasSize(1);
    }

    @Test
    void patchWithUnknownReferencesChangesNothing() {
        store.applyHarvest(shop(orderColumns("INTEGER")), ALICE, HarvestPolicy.DEFAULT);
        AssetId orders = id("table:$w.sales.orders");
        long events = eventCount();
        assertThatThrownBy(() -> store.patchAsset(
                        orders,
                        new AssetPatch(
                                Optional.of(Optional.of("changed")),
                                Optional.of(List.of(AssetId.of(AssetType.USER, "nobody-" + warehouse))),
                                Optional.of(List.of(new TagAssignment("no-such-tag-" + warehouse, null, TagSource.MANUAL))),
                                null,
                                null),
                        ALICE))
                .isInstanceOfSatisfying(CatalogException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_REFERENCE);
                    assertThat(e.fieldErrors()).extracting(f -> f.field()).containsExactlyInAnyOrder("owners", "tags");
                });
        Asset after = store.findAsset(orders).orElseThrow().asset();
        assertThat(after.description()).isEqualTo("Orders");
        assertThat(after.version()).isEqualTo(1);
        assertThat(eventCount()).isEqualTo(events);
        assertThatThrownBy(() -> store.patchAsset(id("table:$w.sales.missing"), new AssetPatch(Optional.of(Optional.of("x")), null, null, null, null), ALICE))
                .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ASSET_NOT_FOUND));
    }

    @Test
    void classificationsAreCreatedOnceAndCannotBeDeletedWhileInUse() {
        AssetId tag = AssetId.of(AssetType.TAG, "finance-" + warehouse);
        store.createClassification(new Classification(tag, "Finance", List.of(), List.of(), 0, null, 0), ALICE);
        assertThatThrownBy(() -> store.createClassification(new Classification(tag, "again", List.of(), List.of(), 0, null, 0), ALICE))
                .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ALREADY_EXISTS));
        Classification put = store.putClassification(new Classification(tag, "Finance data", List.of("财务"), List.of(), 0, null, 0), ALICE);
        assertThat(put.version()).isEqualTo(2);
        assertThat(put.synonyms()).containsExactly("财务");

        store.applyHarvest(shop(orderColumns("INTEGER")), ALICE, HarvestPolicy.DEFAULT);
        store.patchAsset(id("table:$w.sales.orders"), new AssetPatch(null, null, Optional.of(List.of(new TagAssignment(tag.name(), null, TagSource.MANUAL))), null, null), ALICE);
        assertThatThrownBy(() -> store.deleteClassification(tag, ALICE))
                .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.IN_USE));
        store.patchAsset(id("table:$w.sales.orders"), new AssetPatch(null, null, Optional.of(List.of()), null, null), ALICE);
        store.deleteClassification(tag, ALICE);
        assertThat(store.findClassification(tag)).isEmpty();
        assertThat(store.history(tag, new PageRequest(0, 10)).items()).extracting(ChangeEvent::kind)
                .containsExactly(ChangeKind.REMOVED, ChangeKind.UPDATED, ChangeKind.CREATED);
    }

    @Test
    void deletingAWarehouseSoftDeletesItsAssetsAndKeepsHistory() {
        Warehouse registration = new Warehouse(warehouse, "jdbc:duckdb:", null, "v1:sealed", Dialect.DUCKDB, CrawlSettings.DEFAULT, null, null, null);
        warehouses.create(registration, ALICE);
        assertThatThrownBy(() -> warehouses.create(registration, ALICE))
                .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ALREADY_EXISTS));
        assertThat(warehouses.find(warehouse).orElseThrow().encryptedPassword()).isEqualTo("v1:sealed");
        store.applyHarvest(shop(orderColumns("INTEGER")), ALICE, HarvestPolicy.DEFAULT);

        warehouses.delete(warehouse, ALICE);
        assertThat(warehouses.find(warehouse)).isEmpty();
        assertThat(store.listAssets(new AssetQuery(null, warehouse, null, false), new PageRequest(0, 50)).total()).isZero();
        assertThat(store.listAssets(new AssetQuery(null, warehouse, null, true), new PageRequest(0, 50)).total()).isEqualTo(10);
        assertThat(store.history(id("table:$w.sales.orders"), new PageRequest(0, 10)).items().get(0).kind()).isEqualTo(ChangeKind.REMOVED);
        assertThatThrownBy(() -> warehouses.delete(warehouse, ALICE))
                .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.WAREHOUSE_NOT_FOUND));
    }

    @Test
    void usersAndGroupsGrantRoles() {
        String name = "u-" + warehouse;
        identities.createUser(new User(name, "U", "u@example.com", Role.VIEWER, "hash", false, List.of(), Instant.now()), ALICE);
        identities.createGroup(new Group("g-" + warehouse, null, null, Role.STEWARD, List.of(name), Instant.now()), ALICE);
        assertThat(identities.findUser(name).orElseThrow().groups()).containsExactly("g-" + warehouse);
        assertThat(identities.groupRoles(name)).containsExactly(Role.STEWARD);
        assertThatThrownBy(() -> identities.createGroup(new Group("h-" + warehouse, null, null, null, List.of("ghost"), Instant.now()), ALICE))
                .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_REFERENCE));
        assertThat(identities.findGroup("h-" + warehouse)).isEmpty();
        identities.deleteUser(name, ALICE);
        assertThat(identities.findUser(name)).isEmpty();
        assertThat(identities.findGroup("g-" + warehouse).orElseThrow().members()).isEmpty();
    }

    private long eventCount() {
        return graph.read(tx -> tx.run("MATCH (c:ChangeEvent) RETURN count(c) AS n").single().get("n").asLong());
    }

    private long lastSequence() {
        return graph.read(tx -> tx.run("MATCH (s:Sequence {name: 'changelog'}) RETURN s.value AS v").list().stream()
                .findFirst()
                .map(r -> r.get("v").asLong())
                .orElse(0L));
    }
}

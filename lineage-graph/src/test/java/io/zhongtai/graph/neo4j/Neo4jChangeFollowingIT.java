package io.zhongtai.graph.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhongtai.core.Actor;
import io.zhongtai.core.CatalogException;
import io.zhongtai.core.PageRequest;
import io.zhongtai.core.asset.Asset;
import io.zhongtai.core.asset.AssetDetail;
import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.asset.AssetPatch;
import io.zhongtai.core.asset.AssetType;
import io.zhongtai.core.asset.TagAssignment;
import io.zhongtai.core.change.Change;
import io.zhongtai.core.change.ChangeEvent;
import io.zhongtai.core.change.ChangeKind;
import io.zhongtai.core.harvest.HarvestBatch;
import io.zhongtai.core.harvest.HarvestPolicy;
import io.zhongtai.core.harvest.HarvestedColumn;
import io.zhongtai.core.harvest.HarvestedSchema;
import io.zhongtai.core.harvest.HarvestedTable;
import io.zhongtai.core.harvest.TableKind;
import io.zhongtai.core.security.Group;
import io.zhongtai.core.security.Role;
import io.zhongtai.core.security.User;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What a follower of the change log (the search projection) reads from the store: the newest
 * sequence, many assets at once, every asset page by page, the assets an owner owns, a call after
 * each commit that appended changes; and that every asset, users, groups and the automatic
 * {@code pii} tag included, enters the change log when it is created, changed or removed.
 */
class Neo4jChangeFollowingIT {
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final Actor ALICE = new Actor("alice");

    private final Neo4jGraph graph = TestingNeo4j.graph();
    private final Neo4jCatalogStore store = new Neo4jCatalogStore(graph, Clock.systemUTC());
    private final Neo4jIdentityStore identities = new Neo4jIdentityStore(graph, Clock.systemUTC());
    private final String warehouse = "f" + NEXT.incrementAndGet() + "-" + System.nanoTime() % 100000;

    private HarvestBatch shop(boolean withPhone) {
        List<HarvestedColumn> customerColumns = new ArrayList<>(List.of(
                new HarvestedColumn("customer_id", "INTEGER", false, 1, null, "Key"),
                new HarvestedColumn("email", "VARCHAR", true, 2, null, "Email address of the customer")));
        if (withPhone) {
            customerColumns.add(new HarvestedColumn("phone", "VARCHAR", true, 3, null, "Mobile phone"));
        }
        HarvestedTable customers = new HarvestedTable(
                "customers", TableKind.TABLE, "Customers", null, 3L, null, customerColumns, List.of("customer_id"), List.of());
        HarvestedTable orders = new HarvestedTable(
                "orders",
                TableKind.TABLE,
                "Orders",
                null,
                5L,
                null,
                List.of(
                        new HarvestedColumn("order_id", "BIGINT", false, 1, null, "Order key"),
                        new HarvestedColumn("amount", "DECIMAL(10,2)", true, 2, null, "Order amount")),
                List.of("order_id"),
                List.of());
        return new HarvestBatch(warehouse, List.of(new HarvestedSchema("sales", "Sales data", List.of(customers, orders))));
    }

    private AssetId id(String text) {
        return AssetId.parse(text.replace("$w", warehouse));
    }

    @Test
    void lastChangeSequenceIsTheNewestEvent() {
        store.applyHarvest(shop(false), ALICE, HarvestPolicy.DEFAULT);
        long last = store.lastChangeSequence();
        List<ChangeEvent> newer = store.changesSince(last - 1, 10);
        assertThat(newer).extracting(ChangeEvent::sequence).containsExactly(last);
        assertThat(store.changesSince(last, 10)).isEmpty();
    }

    @Test
    void findsManyAssetsAtOnceWithTheLiveColumnsOfTablesInPositionOrder() {
        store.applyHarvest(shop(true), ALICE, HarvestPolicy.DEFAULT);
        store.applyHarvest(shop(false), ALICE, HarvestPolicy.DEFAULT); // the phone column goes

        List<AssetDetail> found = store.findAssets(List.of(
                id("table:$w.sales.customers"),
                id("table:$w.sales.missing"),
                id("column:$w.sales.customers.phone"),
                id("schema:$w.sales")));
        assertThat(found).extracting(detail -> detail.asset().id()).containsExactlyInAnyOrder(
                id("table:$w.sales.customers"), id("column:$w.sales.customers.phone"), id("schema:$w.sales"));
        AssetDetail customers = found.stream()
                .filter(detail -> detail.asset().type() == AssetType.TABLE)
                .findFirst()
                .orElseThrow();
        assertThat(customers.asset().description()).isEqualTo("Customers");
        assertThat(customers.columns()).extracting(column -> column.id().name()).containsExactly("customer_id", "email");
        Asset email = customers.columns().get(1);
        assertThat(email.description()).isEqualTo("Email address of the customer");
        assertThat(email.tags()).extracting(TagAssignment::name).containsExactly("pii");
        // what findAsset gives, but for the foreign keys, which are not read here
        assertThat(customers.asset()).isEqualTo(store.findAsset(id("table:$w.sales.customers")).orElseThrow().asset());
        assertThat(customers.columns()).isEqualTo(store.findAsset(id("table:$w.sales.customers")).orElseThrow().columns());
        Asset phone = found.stream().map(AssetDetail::asset).filter(Asset::deleted).findFirst().orElseThrow();
        assertThat(phone.id()).isEqualTo(id("column:$w.sales.customers.phone"));
        assertThat(store.findAssets(List.of())).isEmpty();
    }

    @Test
    void pagesThroughEveryAssetInIdentifierOrderDeletedOnesIncluded() {
        store.applyHarvest(shop(true), ALICE, HarvestPolicy.DEFAULT);
        store.applyHarvest(shop(false), ALICE, HarvestPolicy.DEFAULT);

        List<AssetDetail> all = new ArrayList<>();
        AssetId after = null;
        for (List<AssetDetail> page = store.assetsAfter(null, 7); !page.isEmpty(); page = store.assetsAfter(after, 7)) {
            assertThat(page.size()).isLessThanOrEqualTo(7);
            all.addAll(page);
            after = page.get(page.size() - 1).asset().id();
        }
        List<String> ids = all.stream().map(detail -> detail.asset().id().toString()).toList();
        assertThat(ids).isSorted().doesNotHaveDuplicates();
        List<String> mine = ids.stream().filter(text -> text.contains(":" + warehouse)).toList();
        assertThat(mine).containsExactlyInAnyOrder(
                "warehouse:" + warehouse,
                "schema:" + warehouse + ".sales",
                "table:" + warehouse + ".sales.customers",
                "table:" + warehouse + ".sales.orders",
                "column:" + warehouse + ".sales.customers.customer_id",
                "column:" + warehouse + ".sales.customers.email",
                "column:" + warehouse + ".sales.customers.phone",
                "column:" + warehouse + ".sales.orders.order_id",
                "column:" + warehouse + ".sales.orders.amount");
        AssetDetail orders = all.stream()
                .filter(detail -> detail.asset().id().equals(id("table:$w.sales.orders")))
                .findFirst()
                .orElseThrow();
        assertThat(orders.columns()).extracting(column -> column.id().name()).containsExactly("order_id", "amount");
        assertThat(store.assetsAfter(AssetId.parse("warehouse:zzzzzzzz"), 10)).isEmpty();
        assertThatThrownBy(() -> store.assetsAfter(null, 0)).isInstanceOf(CatalogException.class);
    }

    @Test
    void tellsListenersAfterCommitsThatAppendedChangesOnly() {
        store.applyHarvest(shop(false), ALICE, HarvestPolicy.DEFAULT);
        AtomicInteger calls = new AtomicInteger();
        List<Long> seen = new ArrayList<>();
        store.addCommitListener(() -> {
            calls.incrementAndGet();
            // after the commit: the change is there for a reader on another transaction
            seen.add(store.lastChangeSequence());
        });
        long before = store.lastChangeSequence();

        store.patchAsset(id("table:$w.sales.orders"), description("Every order"), ALICE);
        assertThat(calls.get()).isOne();
        assertThat(seen).containsExactly(before + 1);

        store.patchAsset(id("table:$w.sales.orders"), description("Every order"), ALICE); // no change: no event
        store.findAsset(id("table:$w.sales.orders"));
        store.applyHarvest(shop(false), ALICE, HarvestPolicy.DEFAULT); // nothing changed
        assertThatThrownBy(() -> store.patchAsset(id("table:$w.sales.nothing"), description("x"), ALICE))
                .isInstanceOf(CatalogException.class);
        assertThat(calls.get()).isOne();

        store.applyHarvest(shop(true), ALICE, HarvestPolicy.DEFAULT);
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void theAutomaticPiiTagEntersTheChangeLogWhenACrawlCreatesIt() {
        store.applyHarvest(shop(false), ALICE, HarvestPolicy.DEFAULT);
        AssetId pii = AssetId.of(AssetType.TAG, "pii");
        List<ChangeEvent> history = store.history(pii, new PageRequest(0, 10)).items();
        // created by this crawl or an earlier one: only a crawl creates it, and always with its event
        assertThat(history).isNotEmpty();
        assertThat(history.get(history.size() - 1).kind()).isEqualTo(ChangeKind.CREATED);
        assertThat(history.get(history.size() - 1).version()).isEqualTo(1);
    }

    @Test
    void usersAndGroupsAreVersionedInTheChangeLogWithoutTheirSecrets() {
        String name = "u-" + warehouse;
        AssetId user = AssetId.of(AssetType.USER, name);
        long before = store.lastChangeSequence();
        identities.createUser(new User(name, "Una", "una@example.com", Role.VIEWER, "secret-hash", false, List.of(), Instant.now()), ALICE);
        ChangeEvent created = store.changesSince(before, 10).get(0);
        assertThat(created.assetId()).isEqualTo(user);
        assertThat(created.kind()).isEqualTo(ChangeKind.CREATED);
        assertThat(created.changes()).containsExactly(
                new Change("displayName", null, "Una"), new Change("email", null, "una@example.com"));

        // a new password or role is no change of the asset; a new display name is
        User stored = identities.findUser(name).orElseThrow();
        identities.updateUser(new User(name, "Una", "una@example.com", Role.ADMIN, "other-hash", false, List.of(), stored.createdAt()), ALICE);
        assertThat(store.history(user, new PageRequest(0, 10)).total()).isOne();
        identities.updateUser(new User(name, "Una Lee", "una@example.com", Role.ADMIN, "other-hash", false, List.of(), stored.createdAt()), ALICE);
        ChangeEvent renamed = store.history(user, new PageRequest(0, 1)).items().get(0);
        assertThat(renamed.version()).isEqualTo(2);
        assertThat(renamed.changes()).containsExactly(new Change("displayName", "Una", "Una Lee"));
        assertThat(store.findAsset(user).orElseThrow().asset().version()).isEqualTo(2);
    }

    @Test
    void deletingAnOwnerIsAChangeOfWhatItOwned() {
        store.applyHarvest(shop(false), ALICE, HarvestPolicy.DEFAULT);
        String team = "team-" + warehouse;
        AssetId group = AssetId.of(AssetType.GROUP, team);
        identities.createGroup(new Group(team, "The team", "Owns the shop", null, List.of(), Instant.now()), ALICE);
        identities.updateGroup(new Group(team, "The shop team", "Owns the shop", null, List.of(), Instant.now()), ALICE);
        assertThat(store.history(group, new PageRequest(0, 1)).items().get(0).changes())
                .containsExactly(new Change("displayName", "The team", "The shop team"));
        AssetId orders = id("table:$w.sales.orders");
        AssetId customers = id("table:$w.sales.customers");
        for (AssetId table : List.of(orders, customers)) {
            store.patchAsset(table, new AssetPatch(null, Optional.of(List.of(group)), null, null, null), ALICE);
        }
        assertThat(store.ownedBy(group)).containsExactly(customers, orders);
        long ordersVersion = store.findAsset(orders).orElseThrow().asset().version();
        long before = store.lastChangeSequence();

        identities.deleteGroup(team, ALICE);

        assertThat(store.ownedBy(group)).isEmpty();
        List<ChangeEvent> events = store.changesSince(before, 10);
        assertThat(events).extracting(ChangeEvent::assetId).containsExactlyInAnyOrder(orders, customers, group);
        ChangeEvent ordersEvent = events.stream().filter(event -> event.assetId().equals(orders)).findFirst().orElseThrow();
        assertThat(ordersEvent.version()).isEqualTo(ordersVersion + 1);
        assertThat(ordersEvent.changes()).containsExactly(new Change("owners", List.of(group.toString()), List.of()));
        assertThat(store.findAsset(orders).orElseThrow().asset().owners()).isEmpty();
        assertThat(store.findAsset(orders).orElseThrow().asset().version()).isEqualTo(ordersVersion + 1);
        assertThat(events.stream().filter(event -> event.assetId().equals(group)).findFirst().orElseThrow().kind())
                .isEqualTo(ChangeKind.REMOVED);
        assertThat(store.findAsset(group)).isEmpty();
    }

    private static AssetPatch description(String text) {
        return new AssetPatch(Optional.of(Optional.of(text)), null, null, null, null);
    }
}

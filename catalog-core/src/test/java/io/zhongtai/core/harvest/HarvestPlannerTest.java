package io.zhongtai.core.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.change.Change;
import io.zhongtai.core.change.ChangeKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HarvestPlannerTest {
    private static final AssetId ORDERS = AssetId.parse("table:w.s.orders");
    private static final AssetId ORDER_ID = AssetId.parse("column:w.s.orders.id");
    private static final AssetId AMOUNT = AssetId.parse("column:w.s.orders.amount");

    private static HarvestBatch batch(HarvestedColumn... columns) {
        HarvestedTable table = new HarvestedTable(
                "orders", TableKind.TABLE, "Orders", null, 10L, null, List.of(columns), List.of("id"), List.of());
        return new HarvestBatch("w", List.of(new HarvestedSchema("s", "Sales", List.of(table))));
    }

    private static HarvestedColumn column(String name, String type, int position) {
        return new HarvestedColumn(name, type, false, position, null, name + " column");
    }

    /** What the store would hold after applying the plan. */
    private static Map<AssetId, StoredAsset> applied(HarvestPlan plan, Map<AssetId, StoredAsset> before) {
        Map<AssetId, StoredAsset> after = new HashMap<>(before);
        for (PlannedWrite write : plan.writes()) {
            if (write.kind() == ChangeKind.REMOVED) {
                StoredAsset old = after.get(write.id());
                after.put(write.id(), new StoredAsset(write.id(), write.version(), true, old.fields()));
            } else {
                after.put(write.id(), new StoredAsset(write.id(), write.version(), false, write.fields()));
            }
        }
        // a table's stored fields list its live columns, as the store reads them back
        return after;
    }

    @Test
    void firstHarvestCreatesEverythingAtVersionOne() {
        HarvestPlan plan = HarvestPlanner.plan(batch(column("id", "BIGINT", 1)), Map.of());
        assertThat(plan.writes()).extracting(PlannedWrite::kind).containsOnly(ChangeKind.CREATED);
        assertThat(plan.writes()).extracting(w -> w.id().toString())
                .containsExactly("schema:w.s", "table:w.s.orders", "column:w.s.orders.id");
        assertThat(plan.writes()).allSatisfy(w -> assertThat(w.version()).isEqualTo(1));
        assertThat(plan.result()).isEqualTo(new HarvestResult(3, 0, 0));
        PlannedWrite table = plan.writes().get(1);
        assertThat(table.fields()).containsEntry("columns.id", "BIGINT").containsEntry("primaryKey", "id");
        assertThat(plan.statistics()).containsEntry(ORDERS, Map.of("rowCount", 10L));
    }

    @Test
    void sameHarvestAgainChangesNothing() {
        HarvestBatch batch = batch(column("id", "BIGINT", 1), column("amount", "DECIMAL(10,2)", 2));
        Map<AssetId, StoredAsset> stored = applied(HarvestPlanner.plan(batch, Map.of()), Map.of());
        HarvestPlan again = HarvestPlanner.plan(batch, stored);
        assertThat(again.writes()).isEmpty();
        assertThat(again.result()).isEqualTo(HarvestResult.NOTHING);
    }

    @Test
    void retypedColumnIsBreakingOnTheColumnAndItsTable() {
        Map<AssetId, StoredAsset> stored = applied(
                HarvestPlanner.plan(batch(column("id", "BIGINT", 1), column("amount", "INTEGER", 2)), Map.of()), Map.of());
        HarvestPlan plan = HarvestPlanner.plan(batch(column("id", "BIGINT", 1), column("amount", "VARCHAR", 2)), stored);
        assertThat(plan.writes()).extracting(w -> w.id()).containsExactlyInAnyOrder(ORDERS, AMOUNT);
        PlannedWrite column = plan.writes().stream().filter(w -> w.id().equals(AMOUNT)).findFirst().orElseThrow();
        assertThat(column.kind()).isEqualTo(ChangeKind.UPDATED);
        assertThat(column.version()).isEqualTo(2);
        assertThat(column.breaking()).isTrue();
        assertThat(column.changes()).containsExactly(new Change("dataType", "INTEGER", "VARCHAR"));
        PlannedWrite table = plan.writes().stream().filter(w -> w.id().equals(ORDERS)).findFirst().orElseThrow();
        assertThat(table.breaking()).isTrue();
        assertThat(table.changes()).containsExactly(new Change("columns.amount", "INTEGER", "VARCHAR"));
    }

    @Test
    void addedColumnIsNotBreakingAndDroppedOneIs() {
        Map<AssetId, StoredAsset> stored = applied(HarvestPlanner.plan(batch(column("id", "BIGINT", 1)), Map.of()), Map.of());
        HarvestPlan added = HarvestPlanner.plan(batch(column("id", "BIGINT", 1), column("amount", "INTEGER", 2)), stored);
        PlannedWrite table = added.writes().stream().filter(w -> w.id().equals(ORDERS)).findFirst().orElseThrow();
        assertThat(table.breaking()).isFalse();
        assertThat(table.changes()).containsExactly(new Change("columns.amount", null, "INTEGER"));
        assertThat(added.result()).isEqualTo(new HarvestResult(1, 1, 0));

        Map<AssetId, StoredAsset> withAmount = applied(added, stored);
        HarvestPlan dropped = HarvestPlanner.plan(batch(column("id", "BIGINT", 1)), withAmount);
        PlannedWrite removal = dropped.writes().stream().filter(w -> w.id().equals(AMOUNT)).findFirst().orElseThrow();
        assertThat(removal.kind()).isEqualTo(ChangeKind.REMOVED);
        assertThat(removal.breaking()).isTrue();
        assertThat(removal.version()).isEqualTo(2);
        assertThat(dropped.result()).isEqualTo(new HarvestResult(0, 1, 1));
    }

    @Test
    void returningAssetIsRestoredWithANewVersion() {
        Map<AssetId, StoredAsset> stored = new HashMap<>(applied(HarvestPlanner.plan(batch(column("id", "BIGINT", 1)), Map.of()), Map.of()));
        stored.put(ORDER_ID, new StoredAsset(ORDER_ID, 3, true, stored.get(ORDER_ID).fields()));
        HarvestPlan plan = HarvestPlanner.plan(batch(column("id", "BIGINT", 1)), stored);
        PlannedWrite restored = plan.writes().stream().filter(w -> w.id().equals(ORDER_ID)).findFirst().orElseThrow();
        assertThat(restored.kind()).isEqualTo(ChangeKind.RESTORED);
        assertThat(restored.version()).isEqualTo(4);
        assertThat(restored.changes()).startsWith(new Change("deleted", true, false));
    }

    @Test
    void descriptionChangeMakesANonBreakingVersion() {
        Map<AssetId, StoredAsset> stored = applied(HarvestPlanner.plan(batch(column("id", "BIGINT", 1)), Map.of()), Map.of());
        HarvestPlan plan = HarvestPlanner.plan(
                batch(new HarvestedColumn("id", "BIGINT", false, 1, null, "The order's key")), stored);
        assertThat(plan.writes()).singleElement().satisfies(write -> {
            assertThat(write.id()).isEqualTo(ORDER_ID);
            assertThat(write.breaking()).isFalse();
            assertThat(write.changes()).containsExactly(new Change("sourceDescription", "id column", "The order's key"));
        });
    }

    @Test
    void columnsCarryTheClassifiersVerdict() {
        HarvestPlan plan = HarvestPlanner.plan(batch(column("id", "BIGINT", 1), column("email", "VARCHAR", 2)), Map.of());
        Map<String, Object> email = plan.writes().stream()
                .filter(w -> w.id().name().equals("email")).findFirst().orElseThrow().fields();
        Map<String, Object> id = plan.writes().stream()
                .filter(w -> w.id().equals(ORDER_ID)).findFirst().orElseThrow().fields();
        assertThat(email).containsEntry("classification", "pii:email");
        assertThat(id).containsEntry("classification", "none");
    }

    @Test
    void tablesThatCouldNotBeReadAreKeptNotRemoved() {
        Map<AssetId, StoredAsset> stored = applied(HarvestPlanner.plan(batch(column("id", "BIGINT", 1)), Map.of()), Map.of());
        HarvestBatch withoutOrders = new HarvestBatch(
                "w", List.of(new HarvestedSchema("s", "Sales", List.of())), java.util.Set.of("s.orders"), List.of("s.orders: permission denied"));
        assertThat(HarvestPlanner.plan(withoutOrders, stored).writes()).isEmpty();
        HarvestBatch gone = new HarvestBatch("w", List.of(new HarvestedSchema("s", "Sales", List.of())));
        assertThat(HarvestPlanner.plan(gone, stored).result()).isEqualTo(new HarvestResult(0, 0, 2));
    }

    @Test
    void removalCapRefusesLargeRemovalsUnlessForced() {
        HarvestedColumn[] many = new HarvestedColumn[30];
        for (int i = 0; i < many.length; i++) {
            many[i] = column("c" + i, "INTEGER", i + 1);
        }
        Map<AssetId, StoredAsset> stored = applied(HarvestPlanner.plan(batch(many), Map.of()), Map.of());
        HarvestPlan dropHalf = HarvestPlanner.plan(batch(java.util.Arrays.copyOf(many, 15)), stored);
        assertThat(dropHalf.liveBefore()).isEqualTo(32);
        assertThat(dropHalf.result().removed()).isEqualTo(15);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> HarvestPolicy.DEFAULT.check("w", dropHalf))
                .isInstanceOfSatisfying(io.zhongtai.core.CatalogException.class, e -> {
                    assertThat(e.code()).isEqualTo(io.zhongtai.core.ErrorCode.REMOVAL_CAP_EXCEEDED);
                    assertThat(e.getMessage()).contains("remove 15 of the 32 assets").contains("(47%)").contains("20%");
                });
        new HarvestPolicy(0.2, true).check("w", dropHalf);
        new HarvestPolicy(0.5, false).check("w", dropHalf);
        HarvestPlan dropFew = HarvestPlanner.plan(batch(java.util.Arrays.copyOf(many, 22)), stored);
        HarvestPolicy.DEFAULT.check("w", dropFew); // 8 removals are always allowed
    }

    @Test
    void profilesOfPersonalColumnsKeepTheirFiguresButNotTheirValues() {
        ColumnProfile profile = new ColumnProfile(100, 0.1, 90, "a@example.com", "z@example.com",
                List.of(new ColumnProfile.ValueCount("a@example.com", 2)));
        HarvestedColumn email = new HarvestedColumn("email", "VARCHAR", true, 2, null, null, profile);
        HarvestedColumn status = new HarvestedColumn("status", "VARCHAR", true, 3, null, null,
                new ColumnProfile(100, 0, 3, "cancelled", "paid", List.of(new ColumnProfile.ValueCount("paid", 90))));
        HarvestPlan plan = HarvestPlanner.plan(batch(column("id", "BIGINT", 1), email, status), Map.of());
        Map<String, Object> emailStatistics = plan.statistics().get(AssetId.parse("column:w.s.orders.email"));
        assertThat(emailStatistics).containsEntry("profileNullFraction", 0.1).containsEntry("profileDistinctCount", 90L)
                .containsEntry("profileMin", null).containsEntry("profileMax", null).containsEntry("profileTopValues", List.of());
        assertThat(plan.statistics().get(AssetId.parse("column:w.s.orders.status")))
                .containsEntry("profileMin", "cancelled").containsEntry("profileTopValues", List.of("paid"));
    }
}

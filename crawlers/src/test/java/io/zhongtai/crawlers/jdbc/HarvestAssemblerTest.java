package io.zhongtai.crawlers.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.zhongtai.core.harvest.HarvestBatch;
import io.zhongtai.core.harvest.HarvestedColumn;
import io.zhongtai.core.harvest.HarvestedForeignKey;
import io.zhongtai.core.harvest.HarvestedIndex;
import io.zhongtai.core.harvest.HarvestedSchema;
import io.zhongtai.core.harvest.HarvestedTable;
import io.zhongtai.core.harvest.TableKind;
import io.zhongtai.core.warehouse.CrawlSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class HarvestAssemblerTest {
    private final HarvestAssembler assembler = new HarvestAssembler(new ScopeFilter(CrawlSettings.DEFAULT));

    @Test
    void dropsSchemasTablesAndTheirRowsOutsideTheScope() {
        CrawlSettings settings = new CrawlSettings(
                List.of(), List.of("staging*"), List.of(), List.of("*_bak"), false, 10, CrawlSettings.DEFAULT_MAX_REMOVAL_SHARE);
        HarvestAssembler scoped = new HarvestAssembler(new ScopeFilter(settings));
        scoped.schema("sales", null);
        scoped.schema("staging_1", null);
        scoped.table("sales", "orders", TableKind.TABLE, null, null);
        scoped.table("sales", "orders_bak", TableKind.TABLE, null, null);
        scoped.table("staging_1", "loads", TableKind.TABLE, null, null);
        scoped.column("sales", "orders_bak", "id", 1, "integer", false, null, null);
        scoped.column("staging_1", "loads", "id", 1, "integer", false, null, null);
        scoped.primaryKeyColumn("sales", "orders_bak", 1, "id");

        HarvestBatch batch = scoped.build("w");

        assertThat(batch.schemas()).extracting(HarvestedSchema::name).containsExactly("sales");
        assertThat(batch.schemas().get(0).tables()).extracting(HarvestedTable::name).containsExactly("orders");
    }

    @Test
    void numbersColumnsFromOneInTheEnginesOrderWithoutGaps() {
        assembler.table("s", "t", TableKind.TABLE, null, null);
        assembler.column("s", "t", "c", 7, "integer", true, null, null);
        assembler.column("s", "t", "a", 1, "integer", false, null, null);
        assembler.column("s", "t", "b", 3, "text", true, "'x'", "about b");

        List<HarvestedColumn> columns = onlyTable(assembler.build("w")).columns();

        assertThat(columns).extracting(HarvestedColumn::name, HarvestedColumn::position)
                .containsExactly(tuple("a", 1), tuple("b", 2), tuple("c", 3));
        assertThat(columns.get(1)).isEqualTo(new HarvestedColumn("b", "text", true, 2, "'x'", "about b"));
        assertThat(assembler.columnNames(new TableRef("s", "t", TableKind.TABLE))).containsExactly("a", "b", "c");
    }

    @Test
    void putsKeyAndIndexRowsTogetherInKeyOrder() {
        assembler.table("s", "line", TableKind.TABLE, null, null);
        assembler.primaryKeyColumn("s", "line", 2, "line_no");
        assembler.primaryKeyColumn("s", "line", 1, "order_id");
        assembler.foreignKeyColumn("s", "line", "line_fk", 2, "region", "other", "orders", "region");
        assembler.foreignKeyColumn("s", "line", "line_fk", 1, "order_id", "other", "orders", "id");
        assembler.indexColumn("s", "line", "line_ix", false, 2, "sku");
        assembler.indexColumn("s", "line", "line_ix", false, 1, "day");

        HarvestedTable line = onlyTable(assembler.build("w"));

        assertThat(line.primaryKey()).containsExactly("order_id", "line_no");
        assertThat(line.foreignKeys()).containsExactly(
                new HarvestedForeignKey("line_fk", List.of("order_id", "region"), "other", "orders", List.of("id", "region")));
        assertThat(line.indexes()).containsExactly(new HarvestedIndex("line_ix", List.of("day", "sku"), false));
    }

    @Test
    void leavesAnUnreadTableOutOfTheBatchAndSaysWhy() {
        assembler.table("s", "gone", TableKind.TABLE, null, null);
        assembler.table("s", "kept", TableKind.TABLE, null, null);

        assembler.unread(new TableRef("s", "gone", TableKind.TABLE), "relation does not exist");
        HarvestBatch batch = assembler.build("w");

        assertThat(batch.unread()).containsExactly("s.gone");
        assertThat(batch.warnings()).containsExactly("s.gone could not be read and keeps its previous state: relation does not exist");
        assertThat(batch.schemas().get(0).tables()).extracting(HarvestedTable::name).containsExactly("kept");
    }

    @Test
    void omitsTheDefaultSchemaOnlyWhenItIsEmpty() {
        assembler.omitWhenEmpty("public");
        assembler.schema("public", null);
        assembler.schema("empty_but_real", null);
        assertThat(assembler.build("w").schemas()).extracting(HarvestedSchema::name).containsExactly("empty_but_real");

        assembler.table("public", "t", TableKind.TABLE, null, null);
        assertThat(assembler.build("w").schemas()).extracting(HarvestedSchema::name).containsExactly("empty_but_real", "public");
    }

    @Test
    void keepsNoBlankTexts() {
        assembler.schema("s", " ");
        assembler.table("s", "v", TableKind.VIEW, "", "  ");
        assembler.column("s", "v", "c", 1, "integer", true, "", " ");

        HarvestBatch batch = assembler.build("w");

        assertThat(batch.schemas().get(0).description()).isNull();
        HarvestedTable view = onlyTable(batch);
        assertThat(view.description()).isNull();
        assertThat(view.viewSql()).isNull();
        assertThat(view.columns().get(0).defaultValue()).isNull();
        assertThat(view.columns().get(0).description()).isNull();
    }

    private static HarvestedTable onlyTable(HarvestBatch batch) {
        assertThat(batch.tableCount()).isEqualTo(1);
        return batch.schemas().stream().flatMap(schema -> schema.tables().stream()).findFirst().orElseThrow();
    }
}

package io.zhongtai.core.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhongtai.core.CatalogException;
import io.zhongtai.core.TextPosition;
import io.zhongtai.core.warehouse.Dialect;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SqlLineageTest {
    private static StatementLineage statement(int number, List<String> inputs, List<String> outputs, List<ColumnLineage> columns) {
        return new StatementLineage(number, new TextPosition(number, 1), "SELECT 1", inputs, outputs, columns, List.of());
    }

    @Test
    void unionMergesColumnsByTargetAndSortsEverything() {
        SqlLineage lineage = SqlLineage.union(List.of(
                statement(1, List.of("s.b", "s.a"), List.of("m.t"), List.of(new ColumnLineage("m.t.x", List.of("s.b.y")))),
                statement(2, List.of("s.a"), List.of("m.t", "m.a"), List.of(
                        new ColumnLineage("m.t.x", List.of("s.a.x")), new ColumnLineage("m.a.n", List.of())))));
        assertThat(lineage.inputs()).containsExactly("s.a", "s.b");
        assertThat(lineage.outputs()).containsExactly("m.a", "m.t");
        assertThat(lineage.columns()).containsExactly(
                new ColumnLineage("m.a.n", List.of()), new ColumnLineage("m.t.x", List.of("s.a.x", "s.b.y")));
        assertThat(lineage.statements()).hasSize(2);
    }

    @Test
    void columnSourcesAreDistinctAndSorted() {
        assertThat(new ColumnLineage("m.t.x", List.of("b.c", "a.c", "b.c")).sources()).containsExactly("a.c", "b.c");
    }

    @Test
    void rejectsATargetWrittenTwiceInOneStatement() {
        assertThatThrownBy(() -> statement(1, List.of(), List.of("m.t"), List.of(
                        new ColumnLineage("m.t.x", List.of()), new ColumnLineage("m.t.x", List.of("a.b.c")))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("m.t.x");
    }

    @Test
    void rejectsStatementNumbersBelowOne() {
        assertThatThrownBy(() -> statement(0, List.of(), List.of(), List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void prefixesWarningsWithTheirStatement() {
        StatementLineage warned = new StatementLineage(
                2, new TextPosition(1, 1), "x", List.of(), List.of(), List.of(), List.of("careful"));
        assertThat(SqlLineage.union(List.of(warned)).warnings()).containsExactly("statement 2: careful");
    }

    @Test
    void requestNeedsSqlAndOneNameDefaults() {
        assertThatThrownBy(() -> SqlLineageRequest.of("  ", Dialect.POSTGRES)).isInstanceOf(CatalogException.class);
        assertThatThrownBy(() -> new SqlLineageRequest("SELECT 1", Dialect.POSTGRES, null, "demo.retail"))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("defaultSchema");
        SqlLineageRequest request = new SqlLineageRequest("SELECT 1", Dialect.POSTGRES, " ", " retail ");
        assertThat(request.defaultDatabase()).isNull();
        assertThat(request.defaultSchema()).isEqualTo("retail");
    }

    @Test
    void fixedCatalogAnswersKnownTablesOnly() {
        SchemaCatalog catalog = SchemaCatalog.of(Map.of("retail.orders", List.of("id", "amount")));
        assertThat(catalog.columnsOf("retail.orders")).contains(List.of("id", "amount"));
        assertThat(catalog.columnsOf("retail.other")).isEmpty();
        assertThat(SchemaCatalog.empty().columnsOf("retail.orders")).isEmpty();
    }
}

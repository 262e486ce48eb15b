package io.zhongtai.core.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhongtai.core.CatalogException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class AssetIdTest {
    @Test
    void printsApiExamples() {
        assertThat(AssetId.of(AssetType.TABLE, "demo", "retail", "orders").toString()).isEqualTo("table:demo.retail.orders");
        assertThat(AssetId.of(AssetType.COLUMN, "demo", "retail", "orders", "order_id").toString())
                .isEqualTo("column:demo.retail.orders.order_id");
        assertThat(AssetId.of(AssetType.TABLE, "demo", "Sales", "Order Items").toString())
                .isEqualTo("table:demo.\"Sales\".\"Order Items\"");
        assertThat(AssetId.of(AssetType.TERM, "Gross Merchandise Value").toString()).isEqualTo("term:Gross Merchandise Value");
        assertThat(AssetId.of(AssetType.TABLE, "w", "s", "say \"hi\"").toString()).isEqualTo("table:w.s.\"say \"\"hi\"\"\"");
        assertThat(AssetId.of(AssetType.TABLE, "w", "s", "a.b").toString()).isEqualTo("table:w.s.\"a.b\"");
        assertThat(AssetId.of(AssetType.TABLE, "w", "s", "订单").toString()).isEqualTo("table:w.s.订单");
    }

    @Test
    void parsesQuotedSegments() {
        AssetId id = AssetId.parse("table:demo.\"Sales\".\"Order Items\"");
        assertThat(id.type()).isEqualTo(AssetType.TABLE);
        assertThat(id.path()).containsExactly("demo", "Sales", "Order Items");
        assertThat(id.name()).isEqualTo("Order Items");
        assertThat(id.warehouse()).isEqualTo("demo");
        assertThat(AssetId.parse("column:w.s.t.\"a:b\"").name()).isEqualTo("a:b");
        assertThat(AssetId.parse("term:Gross Merchandise Value").name()).isEqualTo("Gross Merchandise Value");
    }

    @Test
    void rejectsMalformedIdentifiersWithTheReason() {
        assertThatThrownBy(() -> AssetId.parse("orders")).isInstanceOf(CatalogException.class).hasMessageContaining("<type>:");
        assertThatThrownBy(() -> AssetId.parse("tabel:demo.retail.orders"))
                .hasMessageContaining("Unknown asset type 'tabel'");
        assertThatThrownBy(() -> AssetId.parse("table:demo.retail")).hasMessageContaining("3 dotted segment(s)");
        assertThatThrownBy(() -> AssetId.parse("table:demo.Retail.orders")).hasMessageContaining("needs the segment to be quoted");
        assertThatThrownBy(() -> AssetId.parse("table:demo..orders")).hasMessageContaining("empty segment");
        assertThatThrownBy(() -> AssetId.parse("table:demo.\"retail.orders")).hasMessageContaining("unterminated");
        assertThatThrownBy(() -> AssetId.parse("table:demo.\"a\"b.c")).hasMessageContaining("expected '.'");
        assertThatThrownBy(() -> AssetId.parse("schema:demo.")).hasMessageContaining("ends with '.'");
        assertThatThrownBy(() -> AssetId.parse("tag:")).hasMessageContaining("empty");
    }

    @Test
    void knowsItsParentAndChildren() {
        AssetId table = AssetId.parse("table:demo.retail.orders");
        assertThat(table.parent(AssetType.SCHEMA)).isEqualTo(AssetId.parse("schema:demo.retail"));
        assertThat(table.child(AssetType.COLUMN, "Order ID").toString()).isEqualTo("column:demo.retail.orders.\"Order ID\"");
    }

    @Property(tries = 500)
    void printingThenParsingGivesTheSameIdentifier(@ForAll("identifiers") AssetId id) {
        assertThat(AssetId.parse(id.toString())).isEqualTo(id);
        assertThat(AssetId.parse(id.toString()).toString()).isEqualTo(id.toString());
    }

    @Provide
    Arbitrary<AssetId> identifiers() {
        Arbitrary<String> segment = Arbitraries.oneOf(
                Arbitraries.strings().withChars("abcxyz_019").ofMinLength(1).ofMaxLength(8),
                Arbitraries.strings().withChars("aB .\":-_订单表é\t").ofMinLength(0).ofMaxLength(8),
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(6));
        Arbitrary<AssetType> type = Arbitraries.of(AssetType.values());
        Arbitrary<List<String>> path = segment.list().ofMinSize(4).ofMaxSize(4);
        Arbitrary<String> flatName = Arbitraries.strings().all().ofMinLength(1).ofMaxLength(12).filter(s -> !s.isBlank());
        return Combinators.combine(type, path, flatName).as((t, segments, name) -> t.hierarchical()
                ? new AssetId(t, segments.subList(0, t.segments()))
                : new AssetId(t, List.of(name)));
    }
}

package io.zhongtai.core.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhongtai.core.asset.Asset;
import io.zhongtai.core.asset.AssetDetail;
import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.asset.AssetType;
import io.zhongtai.core.asset.OwnerRef;
import io.zhongtai.core.asset.TagAssignment;
import io.zhongtai.core.asset.TagSource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchDocumentTest {
    private static final Instant AT = Instant.parse("2026-11-01T00:00:00Z");
    private static final AssetId CUSTOMERS = AssetId.parse("table:demo.retail.customers");

    @Test
    void derivesNamesAndPlaceFromTheIdentifier() {
        SearchDocument table = SearchDocument.builder(CUSTOMERS).updatedAt(AT).build();
        assertThat(table.name()).isEqualTo("customers");
        assertThat(table.qualifiedName()).isEqualTo("demo.retail.customers");
        assertThat(table.nameParts()).containsExactly("demo", "retail", "customers");
        assertThat(table.warehouse()).isEqualTo("demo");
        assertThat(table.schema()).isEqualTo("retail");
        assertThat(table.type()).isEqualTo(AssetType.TABLE);

        SearchDocument term = SearchDocument.builder(AssetId.parse("term:Gross Merchandise Value")).updatedAt(AT).build();
        assertThat(term.warehouse()).isNull();
        assertThat(term.schema()).isNull();
        assertThat(SearchDocument.builder(AssetId.parse("schema:demo.mart")).updatedAt(AT).build().schema()).isEqualTo("mart");
        assertThat(SearchDocument.builder(AssetId.parse("job:demo.load_daily_sales")).updatedAt(AT).build().schema()).isNull();
    }

    @Test
    void fillsFromTheCatalogWithColumnTagsOnTheTable() {
        Asset table = asset(CUSTOMERS, "Registered customers", List.of(), false);
        Asset email = asset(CUSTOMERS.child(AssetType.COLUMN, "email"), "Email address",
                List.of(new TagAssignment("pii", "email", TagSource.AUTOMATIC)), false);
        Asset dropped = asset(CUSTOMERS.child(AssetType.COLUMN, "fax"), "Fax", List.of(new TagAssignment("legacy", null, TagSource.MANUAL)), true);
        SearchDocument document = SearchDocument.fromAsset(new AssetDetail(table, List.of(email, dropped), List.of()))
                .reads(12).build();
        assertThat(document.columns()).containsExactly(new SearchDocument.Column("email", "Email address"));
        assertThat(document.tags()).containsExactly("pii");
        assertThat(document.owners()).extracting(owner -> owner.id().toString()).containsExactly("group:crm");
        assertThat(document.domain()).isEqualTo("Customer");
        assertThat(document.reads()).isEqualTo(12);
        assertThat(document.updatedAt()).isEqualTo(AT);
        assertThat(document.columnDescriptions()).containsExactly("Email address");
    }

    @Test
    void validatesItsFields() {
        assertThatThrownBy(() -> SearchDocument.builder(CUSTOMERS).build()).hasMessageContaining("updatedAt");
        assertThatThrownBy(() -> SearchDocument.builder(CUSTOMERS).updatedAt(AT).reads(-1).build()).hasMessageContaining("reads");
        assertThatThrownBy(() -> SearchDocument.builder(CUSTOMERS).updatedAt(AT).name(" ").build()).hasMessageContaining("blank");
        SearchDocument blanks = SearchDocument.builder(CUSTOMERS).updatedAt(AT).description("  ").domain("").build();
        assertThat(blanks.description()).isNull();
        assertThat(blanks.domain()).isNull();
    }

    @Test
    void snippetsRenderAsEscapedHtml() {
        Snippet snippet = new Snippet("description", "<b>orders</b> & more", List.of(new Snippet.Span(3, 9)));
        assertThat(snippet.html()).isEqualTo("&lt;b&gt;<em>orders</em>&lt;/b&gt; &amp; more");
        assertThatThrownBy(() -> new Snippet("d", "abc", List.of(new Snippet.Span(2, 3), new Snippet.Span(0, 1))))
                .hasMessageContaining("ordered");
        assertThatThrownBy(() -> new Snippet("d", "abc", List.of(new Snippet.Span(2, 5)))).hasMessageContaining("inside");
    }

    @Test
    void resultsListEveryFacet() {
        SearchResult empty = new SearchResult(List.of(), Map.of(), 0, 0, 10);
        assertThat(empty.facets()).containsOnlyKeys(SearchFacet.values());
        assertThat(empty.facet(SearchFacet.TAGS)).isEmpty();
    }

    private static Asset asset(AssetId id, String description, List<TagAssignment> tags, boolean deleted) {
        List<OwnerRef> owners = id.type() == AssetType.TABLE ? List.of(new OwnerRef(AssetId.parse("group:crm"), "CRM")) : List.of();
        return new Asset(id, description, owners, tags, List.of(), id.type() == AssetType.TABLE ? "Customer" : null, 1, AT, AT, deleted, Map.of());
    }
}

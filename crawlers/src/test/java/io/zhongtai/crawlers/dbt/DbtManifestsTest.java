package io.zhongtai.crawlers.dbt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhongtai.core.CatalogException;
import io.zhongtai.core.FieldError;
import io.zhongtai.testing.DbtFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class DbtManifestsTest {
    @Test
    void readsModelsSeedsSourcesAndTests() {
        DbtManifest manifest = DbtManifests.parse(DbtFixtures.manifest(), DbtFixtures.catalog());

        assertThat(manifest.projectName()).isEqualTo("retail_mart");
        assertThat(manifest.adapterType()).isEqualTo("duckdb");
        DbtManifest.Node daily = manifest.nodes().get("model.retail_mart.daily_sales");
        assertThat(daily.resourceType()).isEqualTo(DbtManifest.ResourceType.MODEL);
        assertThat(daily.schema()).isEqualTo("mart");
        assertThat(daily.relation()).isEqualTo("daily_sales");
        assertThat(daily.materialized()).isEqualTo("table");
        assertThat(daily.owner()).isEqualTo("data-team");
        assertThat(daily.tags()).containsExactly("sales", "daily");
        assertThat(daily.dependsOn()).containsExactly("model.retail_mart.paid_orders");
        assertThat(daily.compiledCode()).contains("from __dbt__cte__paid_orders as p");
        // types come from catalog.json, descriptions from the manifest
        assertThat(daily.columns()).extracting(DbtManifest.Column::name)
                .containsExactly("sale_date", "store_id", "product_id", "revenue", "units", "orders");
        assertThat(daily.columns().get(3))
                .isEqualTo(new DbtManifest.Column("revenue", "Revenue after line discounts, in CNY.", "DECIMAL(18,5)", List.of("finance")));
        assertThat(manifest.nodes().get("model.retail_mart.paid_orders").ephemeral()).isTrue();
        assertThat(manifest.nodes().get("seed.retail_mart.region_targets").resourceType()).isEqualTo(DbtManifest.ResourceType.SEED);
        DbtManifest.Node orders = manifest.nodes().get("source.retail_mart.retail.orders");
        assertThat(orders.relation()).isEqualTo("orders");
        assertThat(orders.owner()).isEqualTo("sales-ops");
        // a column the catalog knows but the project does not document is still listed
        assertThat(orders.columns()).extracting(DbtManifest.Column::name).contains("channel");
        assertThat(manifest.tests()).extracting(DbtManifest.Test::name)
                .containsExactlyInAnyOrder("not_null", "not_null", "unique", "relationships", "accepted_values");
        DbtManifest.Test acceptedValues = manifest.tests().stream()
                .filter(test -> test.name().equals("accepted_values"))
                .findFirst()
                .orElseThrow();
        assertThat(acceptedValues.uniqueId())
                .startsWith("test.retail_mart.source_accepted_values_retail_orders_status__paid__cancelled__refunded.");
        assertThat(acceptedValues.attachedNode()).isEqualTo("source.retail_mart.retail.orders");
        assertThat(acceptedValues.columnName()).isEqualTo("status");
        assertThat(manifest.singularTests()).isEqualTo(1);
    }

    @Test
    void withoutCatalogTypesComeFromTheManifest() {
        DbtManifest manifest = DbtManifests.parse(DbtFixtures.manifest(), null);
        assertThat(manifest.nodes().get("model.retail_mart.daily_sales").columns().get(0).dataType()).isNull();
        assertThat(manifest.nodes().get("source.retail_mart.retail.orders").columns()).hasSize(2);
    }

    @Test
    void refusesWhatIsNoManifest() {
        assertThatThrownBy(() -> DbtManifests.parse("{\"nodes\": {}}", null))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("manifest.metadata.dbt_schema_version: is missing");
        assertThatThrownBy(() -> DbtManifests.parse(
                        "{\"metadata\": {\"dbt_schema_version\": \"https://schemas.getdbt.com/dbt/manifest/v4.json\"}, \"nodes\": {}}", null))
                .hasMessageContaining("manifests of schema v10 to v12");
        assertThatThrownBy(() -> DbtManifests.parse("{\"metadata\": ", null))
                .hasMessageStartingWith("Malformed JSON in the manifest at line 1");
    }

    @Test
    void namesNodesWithoutTheirPlace() {
        String manifest = DbtFixtures.manifest().replaceFirst("\"schema\": \"mart\"", "\"schema\": null");
        assertThatThrownBy(() -> DbtManifests.parse(manifest, null))
                .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.fieldErrors()).containsExactly(
                        new FieldError("manifest.nodes[\"model.retail_mart.paid_orders\"].schema", "is required")));
    }
}

package io.zhongtai.metrics.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhongtai.core.CatalogException;
import io.zhongtai.metrics.demo.DemoMetrics;
import io.zhongtai.metrics.model.MetricType;
import io.zhongtai.metrics.model.TimeGrain;
import io.zhongtai.metrics.semantic.SemanticIndex;
import org.junit.jupiter.api.Test;

class ManifestCatalogTest {
    private final MetricCatalog catalog = new ManifestCatalog(new SemanticIndex(DemoMetrics.manifest()));

    @Test
    void listsTheDemoMetricsWithLabelsInBothLanguages() {
        assertThat(catalog.metrics()).extracting(MetricInfo::name).containsExactly(
                "active_customers", "avg_order_value", "avg_rating", "gmv", "gmv_yoy", "gross_margin",
                "gross_profit", "inventory_on_hand", "order_count", "refund_rate", "units_sold");
        MetricInfo gmv = catalog.metric("gmv").orElseThrow();
        assertThat(gmv.labels().zh()).isEqualTo("成交额");
        assertThat(gmv.labels().allNames()).contains("revenue", "sales amount", "销售额", "营业额", "成交金额");
        assertThat(gmv.type()).isEqualTo(MetricType.SIMPLE);
        assertThat(gmv.timeDimension()).isEqualTo("order_date");
        assertThat(catalog.metric("avg_rating").orElseThrow().timeDimension()).isEqualTo("created_at");
        assertThat(catalog.metric("inventory_on_hand").orElseThrow().timeDimension()).isEqualTo("snapshot_date");
        assertThat(catalog.metric("gmv_yoy").orElseThrow().type()).isEqualTo(MetricType.PERIOD_OVER_PERIOD);
    }

    @Test
    void orderMetricsReachEveryDemoDimension() {
        for (String metric : new String[] {"gmv", "order_count", "units_sold", "avg_order_value", "active_customers",
                "refund_rate", "gross_profit", "gross_margin", "gmv_yoy"}) {
            assertThat(catalog.reachableDimensions(metric)).as(metric).contains("order_date", "region", "city",
                    "store", "store_type", "channel", "category", "brand", "product", "customer_segment", "gender");
        }
    }

    @Test
    void feedbackReachesOrderAndCustomerDimensionsButNoProduct() {
        assertThat(catalog.reachableDimensions("avg_rating"))
                .contains("created_at", "region", "city", "store", "store_type", "channel", "customer_segment", "gender")
                .doesNotContain("category", "brand", "product", "snapshot_date");
    }

    @Test
    void inventoryReachesStoreAndProductDimensionsOnly() {
        assertThat(catalog.reachableDimensions("inventory_on_hand")).containsExactlyInAnyOrder(
                "snapshot_date", "region", "city", "store", "store_type", "category", "brand", "product");
    }

    @Test
    void dimensionsCarryGrainsAndValueLabels() {
        DimensionInfo orderDate = catalog.dimension("order_date").orElseThrow();
        assertThat(orderDate.grains()).containsExactly(
                TimeGrain.DAY, TimeGrain.WEEK, TimeGrain.MONTH, TimeGrain.QUARTER, TimeGrain.YEAR);
        DimensionInfo channel = catalog.dimension("channel").orElseThrow();
        assertThat(channel.values()).anySatisfy(v -> {
            assertThat(v.value()).isEqualTo("store");
            assertThat(v.labelZh()).isEqualTo("线下");
        });
        assertThat(catalog.dimension("customer_segment").orElseThrow().values())
                .anySatisfy(v -> assertThat(v.synonyms()).contains("会员"));
        assertThat(catalog.dimension("region").orElseThrow().labels().synonymsZh()).contains("地区", "区域", "大区");
    }

    @Test
    void unknownMetricNamesTheClosest() {
        assertThatThrownBy(() -> catalog.reachableDimensions("gmw"))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("did you mean gmv");
    }
}

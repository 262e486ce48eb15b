package io.zhongtai.metrics.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.security.Role;
import io.zhongtai.core.warehouse.Dialect;
import io.zhongtai.metrics.demo.DemoMetrics;
import io.zhongtai.metrics.model.AccessPolicy;
import io.zhongtai.metrics.model.SemanticManifest;
import io.zhongtai.metrics.query.Caller;
import io.zhongtai.metrics.query.CompiledQuery;
import io.zhongtai.metrics.query.MetricQuery;
import io.zhongtai.metrics.semantic.SemanticIndex;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Row and column policies as the compiled SQL enforces them. */
class PolicyCompileTest {
    private static final SemanticManifest DEMO = DemoMetrics.manifest();
    private static final MetricCompiler COMPILER = new MetricCompiler(new SemanticIndex(new SemanticManifest(DEMO.models(),
            DEMO.metrics(), List.of(
                    new AccessPolicy("regional", "group:field-sales", List.of("region = user_attribute('region')"),
                            List.of("gender"), List.of("customer_segment"), List.of("gross_profit", "gross_margin")),
                    new AccessPolicy("online-only", "role:viewer", List.of("channel = 'online'"), List.of(), List.of(),
                            List.of())))));
    private static final Target DUCKDB = new Target("demo", Dialect.DUCKDB);
    private static final Caller EAST = new Caller("li", Role.ANALYST, List.of("field-sales"), Map.of("region", "East"));

    @Test
    void theRowFilterReadsTheCallersAttributeAsABoundValue() {
        CompiledQuery compiled = COMPILER.compile(MetricQuery.builder().metrics("gmv", "order_count").dimensions("city")
                .build(), EAST, DUCKDB);
        assertThat(compiled.parameterizedSql()).contains("\"regions\".\"region_name\" = ?");
        assertThat(compiled.parameters()).contains("East");
        // every aggregation carries it, the order-level one too
        assertThat(compiled.sql().split("\"regions\".\"region_name\" = 'East'", -1)).hasSize(3);
        CompiledQuery unrestricted = COMPILER.compile(MetricQuery.builder().metrics("gmv").dimensions("city").build(),
                new Caller("bo", Role.ANALYST, List.of(), Map.of()), DUCKDB);
        assertThat(unrestricted.sql()).doesNotContain("region_name\" =");
    }

    @Test
    void hiddenMetricsAndDimensionsDoNotExistForTheCaller() {
        assertThatThrownBy(() -> COMPILER.compile(MetricQuery.builder().metrics("gross_margin").build(), EAST, DUCKDB))
                .isInstanceOfSatisfying(CatalogException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_REFERENCE);
                    assertThat(e.getMessage()).doesNotContain("gross_profit");
                });
        assertThatThrownBy(() -> COMPILER.compile(MetricQuery.builder().metrics("gmv").dimensions("gender").build(), EAST,
                DUCKDB)).isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
        assertThatThrownBy(() -> COMPILER.compile(MetricQuery.builder().metrics("gmv").filters("gender = 'F'").build(), EAST,
                DUCKDB)).isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
    }

    @Test
    void aMaskedDimensionAnswersTheMaskAndCannotBeFilteredOn() {
        CompiledQuery compiled = COMPILER.compile(MetricQuery.builder().metrics("gmv").dimensions("customer_segment").build(),
                EAST, DUCKDB);
        assertThat(compiled.sql()).contains("'***' AS \"d0\"").doesNotContain("\"customers\".\"segment\"");
        assertThatThrownBy(() -> COMPILER.compile(MetricQuery.builder().metrics("gmv").filters("customer_segment = 'vip'")
                .build(), EAST, DUCKDB)).hasMessageContaining("is masked for you by policy regional");
    }

    @Test
    void aMetricThePolicyCannotRestrictIsRefusedAndAMissingAttributeToo() {
        Caller viewer = new Caller("vi", Role.VIEWER, List.of(), Map.of());
        assertThatThrownBy(() -> COMPILER.compile(MetricQuery.builder().metrics("inventory_on_hand").build(), viewer, DUCKDB))
                .isInstanceOfSatisfying(CatalogException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN);
                    assertThat(e.getMessage()).contains("restricts your rows by 'channel'");
                });
        Caller noRegion = new Caller("wu", Role.ANALYST, List.of("field-sales"), Map.of());
        assertThatThrownBy(() -> COMPILER.compile(MetricQuery.builder().metrics("gmv").build(), noRegion, DUCKDB))
                .isInstanceOfSatisfying(CatalogException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN);
                    assertThat(e.getMessage()).contains("'region' attribute");
                });
    }
}

package io.zhongtai.metrics.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhongtai.core.CatalogException;
import io.zhongtai.core.FieldError;
import io.zhongtai.metrics.demo.DemoMetrics;
import io.zhongtai.metrics.model.SemanticManifest;
import io.zhongtai.metrics.yaml.DefinitionReader;
import io.zhongtai.metrics.yaml.DefinitionWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ManifestValidatorTest {
    private static final String MODELS = """
            semantic_models:
              - name: orders
                warehouse: demo
                table: retail.orders
                default_time_dimension: order_date
                entities: [{name: order, type: primary, expr: order_id}, {name: store, type: foreign, expr: store_id}]
                dimensions:
                  - {name: order_date, type: time, expr: order_date}
                  - {name: channel, expr: channel}
                measures:
                  - {name: orders, agg: count_distinct, expr: order_id}
                  - {name: amount, agg: sum, expr: total * (1 - stores.fee)}
              - name: stores
                warehouse: demo
                table: retail.stores
                entities: [{name: store, type: primary, expr: store_id}]
                dimensions: [{name: city, expr: city}]
            """;

    private static List<FieldError> problems(String metrics) {
        return new ManifestValidator().problems(DefinitionReader.readYaml(MODELS + metrics, "test.yml"));
    }

    @Test
    void theDemoDefinitionsAreValidAndSurviveAWriteAndARead() {
        SemanticManifest demo = DemoMetrics.manifest();
        assertThat(new ManifestValidator().problems(demo)).isEmpty();
        SemanticManifest again = DefinitionReader.read(DefinitionWriter.manifest(demo), "written");
        assertThat(again).isEqualTo(demo);
    }

    @Test
    void aValidMetricHasNoProblem() {
        assertThat(problems("""
                metrics:
                  - {name: online_orders, type: simple, measure: orders, filter: "channel = 'online' AND city <> 'x'"}
                  - {name: per_order, type: ratio, numerator: {measure: amount}, denominator: online_orders}
                  - name: growth
                    type: derived
                    expr: (amount - amount_ly) / amount_ly
                    inputs: [{measure: amount}, {measure: amount, alias: amount_ly, offset_window: 1 year}]
                """)).isEmpty();
    }

    @Test
    void unknownNamesAreReportedWithTheClosestOnes() {
        assertThat(problems("""
                metrics:
                  - {name: a, type: simple, measure: order}
                  - {name: b, type: ratio, numerator: a, denominator: ordrs_metric}
                  - {name: c, type: simple, measure: orders, filter: "chanel = 'x'"}
                  - {name: d, type: derived, expr: "a + z", inputs: [a]}
                """)).extracting(FieldError::field, FieldError::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("metric a measure", "unknown measure 'order'; did you mean orders?"),
                org.assertj.core.groups.Tuple.tuple("metric b denominator metric",
                        "unknown metric 'ordrs_metric'; known: a, b, c, d"),
                org.assertj.core.groups.Tuple.tuple("metric c filter",
                        "unknown dimension 'chanel' (line 1, column 1); did you mean channel?"),
                org.assertj.core.groups.Tuple.tuple("metric d expr",
                        "unknown input 'z' (line 1, column 5); did you mean a?"));
    }

    @Test
    void expressionErrorsNameLineAndColumn() {
        assertThat(problems("""
                metrics:
                  - {name: a, type: simple, measure: orders, filter: "channel = = 'x'"}
                """)).extracting(FieldError::reason).containsExactly(
                "unexpected '=' at line 1, column 11; expected '(', '+', '-', CASE, DATE, FALSE, NULL, TRUE, a 'text' value,"
                        + " a name, a number");
    }

    @Test
    void cyclesAndDuplicatesAreRefused() {
        assertThat(problems("""
                metrics:
                  - {name: a, type: derived, expr: b, inputs: [b]}
                  - {name: b, type: derived, expr: a, inputs: [a]}
                """)).extracting(FieldError::reason).allSatisfy(r -> assertThat(r).contains("refers to itself"));
        assertThat(problems("""
                metrics:
                  - {name: a, type: simple, measure: orders}
                  - {name: a, type: simple, measure: orders}
                """)).extracting(FieldError::reason).containsExactly("the name is used twice; metric names must be unique");
    }

    @Test
    void crawledColumnsAreCheckedWhenKnown() {
        ManifestValidator withCatalog = new ManifestValidator((warehouse, schema, table) -> switch (table) {
            case "orders" -> Set.of("order_id", "store_id", "order_date", "channel", "total");
            case "stores" -> Set.of("store_id", "city", "fees");
            default -> null;
        });
        List<FieldError> found = withCatalog.problems(DefinitionReader.readYaml(MODELS, "test.yml"));
        assertThat(found).extracting(FieldError::field, FieldError::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("semantic model orders measure amount expr",
                        "unknown column 'fee' of retail.stores (line 1, column 14); did you mean fees?"));
    }

    @Test
    void readerReportsStructuralProblemsWithFileAndPath() {
        assertThatThrownBy(() -> DefinitionReader.readYaml("""
                metrics:
                  - {name: Bad Name, type: simple}
                  - {name: x, type: ratio, numerator: a, measure: m}
                  - {name: y, type: sideways}
                """, "metrics/sales.yml"))
                .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.fieldErrors())
                        .extracting(FieldError::field, FieldError::reason).contains(
                                org.assertj.core.groups.Tuple.tuple("metrics/sales.yml: metrics[0].name",
                                        "'Bad Name' must be lower-case letters, digits and _, starting with a letter"),
                                org.assertj.core.groups.Tuple.tuple("metrics/sales.yml: metrics[0].measure", "is required"),
                                org.assertj.core.groups.Tuple.tuple("metrics/sales.yml: metrics[1].measure",
                                        "does not apply to a ratio metric"),
                                org.assertj.core.groups.Tuple.tuple("metrics/sales.yml: metrics[1].denominator", "is required"),
                                org.assertj.core.groups.Tuple.tuple("metrics/sales.yml: metrics[2].type",
                                        "unknown value 'sideways'; known: simple, ratio, derived, cumulative, conversion,"
                                                + " period_over_period")));
        assertThatThrownBy(() -> DefinitionReader.readYaml("metrics: [a, {", "broken.yml"))
                .hasMessageContaining("broken.yml: not valid YAML at line 1");
        assertThat(Map.of()).isEmpty();
    }
}

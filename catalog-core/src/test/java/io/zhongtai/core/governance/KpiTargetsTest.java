package io.zhongtai.core.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhongtai.core.CatalogException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class KpiTargetsTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    private static final KpiDefinition COVERAGE = BuiltInKpis.find(BuiltInKpis.DESCRIPTION_COVERAGE).orElseThrow();
    private static final KpiDefinition BREAKING = BuiltInKpis.find(BuiltInKpis.BREAKING_CHANGES).orElseThrow();

    private static KpiSnapshot point(int daysAgo, double value) {
        return new KpiSnapshot("x", TODAY.minusDays(daysAgo), value, 0, 0);
    }

    @Test
    void withoutATargetThereIsNoStatus() {
        assertThat(KpiTargets.status(COVERAGE, 40.0, List.of(), TODAY)).isEqualTo(KpiStatus.NO_TARGET);
    }

    @Test
    void aValueAtOrBeyondTheTargetIsMetInTheKpisDirection() {
        assertThat(KpiTargets.status(COVERAGE.withTarget(80.0, null), 80.0, List.of(), TODAY)).isEqualTo(KpiStatus.MET);
        assertThat(KpiTargets.status(COVERAGE.withTarget(80.0, null), 79.99, List.of(), TODAY)).isEqualTo(KpiStatus.BEHIND);
        assertThat(KpiTargets.status(BREAKING.withTarget(2.0, null), 1.0, List.of(), TODAY)).isEqualTo(KpiStatus.MET);
        assertThat(KpiTargets.status(BREAKING.withTarget(2.0, null), 3.0, List.of(), TODAY)).isEqualTo(KpiStatus.BEHIND);
    }

    @Test
    void aRisingTrendThatReachesTheTargetByTheDeadlineIsOnTrack() {
        // +1 point a day for ten days; 20 days left at that pace reach 90
        List<KpiSnapshot> rising = List.of(point(10, 60), point(5, 65));
        KpiDefinition kpi = COVERAGE.withTarget(90.0, TODAY.plusDays(20));
        assertThat(KpiTargets.status(kpi, 70.0, rising, TODAY)).isEqualTo(KpiStatus.ON_TRACK);
        assertThat(KpiTargets.status(COVERAGE.withTarget(90.0, TODAY.plusDays(19)), 70.0, rising, TODAY))
                .isEqualTo(KpiStatus.BEHIND);
    }

    @Test
    void noTrendOrAPassedDeadlineIsBehind() {
        assertThat(KpiTargets.status(COVERAGE.withTarget(90.0, TODAY.plusDays(100)), 70.0, List.of(), TODAY))
                .isEqualTo(KpiStatus.BEHIND);
        assertThat(KpiTargets.status(COVERAGE.withTarget(90.0, TODAY.minusDays(1)), 70.0, List.of(point(3, 10)), TODAY))
                .isEqualTo(KpiStatus.BEHIND);
        assertThat(KpiTargets.status(BREAKING.withTarget(0.0, TODAY.plusDays(10)), 5.0, List.of(point(5, 10)), TODAY))
                .isEqualTo(KpiStatus.ON_TRACK);
    }

    @Test
    void definitionsAndConditionsAreChecked() {
        assertThatThrownBy(() -> COVERAGE.withTarget(120.0, null)).isInstanceOf(CatalogException.class).hasMessageContaining("0 to 100");
        assertThat(KpiCondition.parse("has_tag:pii")).isEqualTo(new KpiCondition(KpiCondition.Kind.HAS_TAG, "pii"));
        assertThat(KpiCondition.parse("read_within_days:30").toString()).isEqualTo("read_within_days:30");
        assertThatThrownBy(() -> KpiCondition.parse("has_tag")).hasMessageContaining("needs an argument");
        assertThatThrownBy(() -> KpiCondition.parse("is_pretty")).hasMessageContaining("unknown condition");
        assertThatThrownBy(() -> new AssetFilter(null, null, "retail", null, null, null)).hasMessageContaining("warehouse.schema");
        assertThat(new AssetFilter(null, null, "demo.retail", null, null, null).schemaId()).isEqualTo("schema:demo.retail");
    }

    @Test
    void aCoverageOfAnEmptyPopulationHasNoValue() {
        assertThat(new KpiMeasure(0, 0, java.util.Map.of()).value(KpiUnit.PERCENT)).isNull();
        assertThat(new KpiMeasure(7, 12, java.util.Map.of()).value(KpiUnit.PERCENT)).isEqualTo(58.33);
        assertThat(new KpiMeasure(3, 12, java.util.Map.of()).value(KpiUnit.COUNT)).isEqualTo(3.0);
    }
}

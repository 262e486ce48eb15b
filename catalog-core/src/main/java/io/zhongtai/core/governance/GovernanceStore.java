package io.zhongtai.core.governance;

import io.zhongtai.core.Actor;
import io.zhongtai.core.Page;
import io.zhongtai.core.PageRequest;
import io.zhongtai.core.asset.AssetId;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Computes KPIs over the catalog where its data lives, and keeps KPI definitions, targets and
 * daily snapshots.
 */
public interface GovernanceStore {
    /** The breakdown dimensions of a report. */
    List<String> BREAKDOWNS = List.of("owner", "domain", "warehouse", "schema");

    KpiMeasure measure(KpiDefinition kpi, KpiWindow window);

    /**
     * Every KPI of the list, in the list's order. A store that can answer several reads at once
     * computes them concurrently.
     */
    default List<KpiMeasure> measureAll(List<KpiDefinition> kpis, KpiWindow window) {
        return kpis.stream().map(kpi -> measure(kpi, window)).toList();
    }

    /**
     * The KPI per owner, domain, warehouse or schema. An asset with several owners counts under
     * each; one without counts under the null key.
     */
    List<KpiBreakdown> breakdown(KpiDefinition kpi, KpiWindow window, String by);

    /** The assets that count against the KPI, by id; {@code warehouse} narrows them, or null. */
    Page<KpiGap> gaps(KpiDefinition kpi, KpiWindow window, String warehouse, PageRequest page);

    /** User-defined KPIs and the targets set on built-in ones. */
    List<KpiDefinition> definitions();

    Optional<KpiDefinition> findDefinition(String name);

    void saveDefinition(KpiDefinition kpi, Actor actor);

    void deleteDefinition(String name, Actor actor);

    /** Stores the day's values; a second snapshot of the same day replaces the first. */
    void saveSnapshots(List<KpiSnapshot> snapshots);

    /** A KPI's stored values in the closed range, oldest first. */
    List<KpiSnapshot> snapshots(String name, LocalDate from, LocalDate to);

    /**
     * Sets how often a table is expected to change or load (null: no expectation), which puts it
     * in the freshness KPI's population. A curated field: versioned, attributed.
     */
    void setExpectedInterval(AssetId dataset, Integer hours, Actor actor);
}

package io.zhongtai.service.governance;

import io.zhongtai.core.Actor;
import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.Page;
import io.zhongtai.core.PageRequest;
import io.zhongtai.core.governance.BuiltInKpis;
import io.zhongtai.core.governance.GovernanceStore;
import io.zhongtai.core.governance.KpiBreakdown;
import io.zhongtai.core.governance.KpiDefinition;
import io.zhongtai.core.governance.KpiGap;
import io.zhongtai.core.governance.KpiMeasure;
import io.zhongtai.core.governance.KpiSnapshot;
import io.zhongtai.core.governance.KpiStatus;
import io.zhongtai.core.governance.KpiTargets;
import io.zhongtai.core.governance.KpiWindow;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The governance report: every KPI's value against its target and trend, breakdowns, gap lists,
 * user-defined KPIs and the daily snapshots that make trends.
 */
@Singleton
public class GovernanceService {
    /** How far back the trend that decides "on track" looks. */
    public static final int TREND_DAYS = 90;

    private final GovernanceStore store;
    private final Clock clock;

    public GovernanceService(GovernanceStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    /** One KPI's figures in a report. */
    public record KpiResult(KpiDefinition definition, KpiMeasure measure, Double value, KpiStatus status) {}

    /** Built-in KPIs (with the targets set on them), then user-defined ones by name. */
    public List<KpiDefinition> definitions() {
        Map<String, KpiDefinition> stored = new LinkedHashMap<>();
        store.definitions().forEach(kpi -> stored.put(kpi.name(), kpi));
        List<KpiDefinition> all = new ArrayList<>();
        for (KpiDefinition builtIn : BuiltInKpis.all()) {
            KpiDefinition override = stored.remove(builtIn.name());
            all.add(override == null ? builtIn : builtIn.withTarget(override.target(), override.deadline()));
        }
        all.addAll(stored.values());
        return all;
    }

    public KpiDefinition definition(String name) {
        return definitions().stream()
                .filter(kpi -> kpi.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new CatalogException(ErrorCode.ASSET_NOT_FOUND, "No KPI '" + name + "'; see GET /api/v1/governance/kpis"));
    }

    public List<KpiResult> report(KpiWindow window) {
        List<KpiDefinition> kpis = definitions();
        List<KpiMeasure> measures = store.measureAll(kpis, window);
        List<KpiResult> results = new ArrayList<>();
        for (int i = 0; i < kpis.size(); i++) {
            results.add(result(kpis.get(i), measures.get(i), window));
        }
        return results;
    }

    public KpiResult result(KpiDefinition kpi, KpiWindow window) {
        return result(kpi, store.measure(kpi, window), window);
    }

    private KpiResult result(KpiDefinition kpi, KpiMeasure measure, KpiWindow window) {
        Double value = measure.value(kpi.unit());
        List<KpiSnapshot> history = kpi.target() == null
                ? List.of()
                : store.snapshots(kpi.name(), window.asOf().minusDays(TREND_DAYS), window.asOf());
        return new KpiResult(kpi, measure, value, KpiTargets.status(kpi, value, history, window.asOf()));
    }

    public List<KpiSnapshot> trend(String name, LocalDate from, LocalDate to) {
        definition(name);
        if (from.isAfter(to)) {
            throw CatalogException.invalid("from", "must not be after to (" + from + " > " + to + ")");
        }
        return store.snapshots(name, from, to);
    }

    public List<KpiBreakdown> breakdown(String name, KpiWindow window, String by) {
        return store.breakdown(definition(name), window, by);
    }

    public Page<KpiGap> gaps(String name, KpiWindow window, String warehouse, PageRequest page) {
        return store.gaps(definition(name), window, warehouse, page);
    }

    /** Takes the day's snapshot of every KPI (again, if one was taken today: the later wins). */
    public List<KpiSnapshot> snapshot() {
        LocalDate today = today();
        List<KpiSnapshot> snapshots = new ArrayList<>();
        for (KpiResult result : report(new KpiWindow(today, KpiWindow.DEFAULT_DAYS))) {
            snapshots.add(new KpiSnapshot(
                    result.definition().name(), today, result.value(), result.measure().count(), result.measure().total()));
        }
        store.saveSnapshots(snapshots);
        return snapshots;
    }

    /** Whether today's snapshot exists (of the first built-in KPI, which every snapshot holds). */
    public boolean snapshotTakenToday() {
        LocalDate today = today();
        return !store.snapshots(BuiltInKpis.all().get(0).name(), today, today).isEmpty();
    }

    /** Creates a user-defined KPI; a conflict when the name is taken. */
    public KpiDefinition create(KpiDefinition kpi, Actor actor) {
        if (BuiltInKpis.find(kpi.name()).isPresent() || store.findDefinition(kpi.name()).isPresent()) {
            throw new CatalogException(ErrorCode.ALREADY_EXISTS, "A KPI named '" + kpi.name() + "' exists; change it with PUT");
        }
        store.saveDefinition(kpi, actor);
        return kpi;
    }

    /** Replaces a user-defined KPI, or sets the target and deadline of a built-in one. */
    public KpiDefinition update(String name, KpiDefinition wanted, Actor actor) {
        Optional<KpiDefinition> builtIn = BuiltInKpis.find(name);
        if (builtIn.isPresent()) {
            KpiDefinition targeted = builtIn.get().withTarget(wanted.target(), wanted.deadline());
            store.saveDefinition(targeted, actor);
            return targeted;
        }
        if (store.findDefinition(name).isEmpty()) {
            throw new CatalogException(ErrorCode.ASSET_NOT_FOUND, "No user-defined KPI '" + name + "'; create it with POST");
        }
        store.saveDefinition(wanted, actor);
        return wanted;
    }

    public void delete(String name, Actor actor) {
        if (BuiltInKpis.find(name).isPresent()) {
            throw new CatalogException(ErrorCode.IN_USE, "'" + name + "' is built in and cannot be deleted; clear its target instead");
        }
        store.deleteDefinition(name, actor);
    }
}

package io.zhongtai.service.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.zhongtai.core.CatalogException;
import io.zhongtai.core.PageRequest;
import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.asset.AssetType;
import io.zhongtai.core.governance.AssetFilter;
import io.zhongtai.core.governance.GovernanceStore;
import io.zhongtai.core.governance.KpiCondition;
import io.zhongtai.core.governance.KpiDefinition;
import io.zhongtai.core.governance.KpiUnit;
import io.zhongtai.core.governance.KpiWindow;
import io.zhongtai.service.governance.GovernanceExport;
import io.zhongtai.service.governance.GovernanceService;
import io.zhongtai.service.security.Roles;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code /api/v1/governance}: KPI reports, trends, breakdowns, gap lists, exports and KPI definitions. */
@Controller("/api/v1")
@Secured(Roles.VIEWER)
public class GovernanceController {
    private static final Set<String> KPI_FIELDS =
            Set.of("name", "label", "description", "filter", "condition", "target", "deadline");
    private static final Set<String> FILTER_FIELDS = Set.of("types", "warehouse", "schema", "domain", "tag", "owner");

    private final GovernanceService governance;
    private final GovernanceExport export;
    private final GovernanceStore store;

    public GovernanceController(GovernanceService governance, GovernanceExport export, GovernanceStore store) {
        this.governance = governance;
        this.export = export;
        this.store = store;
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record KpiView(
            String name, String label, String description, Double value, long count, long total, String unit, Double target,
            LocalDate deadline, String status, boolean builtIn, boolean lowerIsBetter, Map<String, Object> details,
            Map<String, Object> filter, String condition) {
        static KpiView of(GovernanceService.KpiResult result) {
            KpiDefinition kpi = result.definition();
            return new KpiView(
                    kpi.name(), kpi.label(), kpi.description(), result.value(), result.measure().count(), result.measure().total(),
                    kpi.unit().value(), kpi.target(), kpi.deadline(), result.status().value(), kpi.builtIn(), kpi.lowerIsBetter(),
                    result.measure().extra(), filter(kpi.filter()), kpi.condition() == null ? null : kpi.condition().toString());
        }

        private static Map<String, Object> filter(AssetFilter filter) {
            if (filter == null) {
                return null;
            }
            java.util.LinkedHashMap<String, Object> view = new java.util.LinkedHashMap<>();
            view.put("types", filter.types().stream().map(AssetType::value).toList());
            view.put("warehouse", filter.warehouse());
            view.put("schema", filter.schema());
            view.put("domain", filter.domain());
            view.put("tag", filter.tag());
            view.put("owner", filter.owner());
            return view;
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ReportView(LocalDate asOf, int days, List<KpiView> kpis) {}

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record PointView(LocalDate date, Double value, long count, long total) {}

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record BreakdownView(String key, Double value, long count, long total) {}

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record KpiDetailView(String name, String by, List<PointView> points, List<BreakdownView> breakdown, KpiView current) {}

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record GapView(String id, String type, String name, List<String> owners, String reason) {}

    @Get("/governance/kpis")
    public ReportView kpis(@Nullable @QueryValue String asOf, @Nullable @QueryValue Integer days) {
        KpiWindow window = window(asOf, days);
        return new ReportView(window.asOf(), window.days(), governance.report(window).stream().map(KpiView::of).toList());
    }

    @Get("/governance/kpis/{name}")
    public KpiDetailView kpi(
            @PathVariable String name,
            @Nullable @QueryValue String from,
            @Nullable @QueryValue String to,
            @Nullable @QueryValue String by,
            @Nullable @QueryValue Integer days) {
        KpiDefinition kpi = governance.definition(name);
        LocalDate end = to == null ? governance.today() : date("to", to);
        LocalDate start = from == null ? end.minusDays(GovernanceService.TREND_DAYS) : date("from", from);
        KpiWindow window = new KpiWindow(end, days == null ? KpiWindow.DEFAULT_DAYS : days);
        String dimension = by == null ? "owner" : by;
        List<PointView> points = governance.trend(name, start, end).stream()
                .map(point -> new PointView(point.date(), point.value(), point.count(), point.total()))
                .toList();
        List<BreakdownView> breakdown = governance.breakdown(name, window, dimension).stream()
                .map(part -> new BreakdownView(
                        part.key(),
                        kpi.unit() == KpiUnit.PERCENT
                                ? (part.total() == 0 ? null : Math.round(10_000.0 * part.count() / part.total()) / 100.0)
                                : (double) part.count(),
                        part.count(),
                        part.total()))
                .toList();
        return new KpiDetailView(name, dimension, points, breakdown, KpiView.of(governance.result(kpi, window)));
    }

    @Get("/governance/gaps")
    public PageView<GapView> gaps(
            @QueryValue String kpi,
            @Nullable @QueryValue String warehouse,
            @Nullable @QueryValue String asOf,
            @Nullable @QueryValue Integer days,
            @Nullable @QueryValue Integer page,
            @Nullable @QueryValue Integer size) {
        return PageView.of(
                governance.gaps(kpi, window(asOf, days), warehouse, PageRequest.of(page, size)),
                gap -> new GapView(gap.id().toString(), gap.id().type().value(), gap.name(), gap.owners(), gap.reason()));
    }

    @Get("/governance/export")
    public HttpResponse<String> export(
            @Nullable @QueryValue String format, @Nullable @QueryValue String asOf, @Nullable @QueryValue Integer days) {
        KpiWindow window = window(asOf, days);
        String kind = format == null ? "html" : format;
        String file = "zhongtai-governance-" + window.asOf();
        return switch (kind) {
            case "csv" -> HttpResponse.ok(export.csv(window))
                    .contentType(new MediaType("text/csv; charset=utf-8"))
                    .header("Content-Disposition", "attachment; filename=\"" + file + ".csv\"");
            case "html" -> HttpResponse.ok(export.html(window))
                    .contentType(new MediaType("text/html; charset=utf-8"))
                    .header("Content-Disposition", "inline; filename=\"" + file + ".html\"");
            default -> throw CatalogException.invalid("format", "is csv or html, not '" + kind + "'");
        };
    }

    /** Takes today's snapshot now (the scheduler takes one a day by itself). */
    @Post("/governance/snapshots")
    @Secured(Roles.STEWARD)
    public Map<String, Object> snapshot() {
        return Map.of("date", governance.today(), "kpis", governance.snapshot().size());
    }

    @Post("/governance/kpis")
    @Status(HttpStatus.CREATED)
    @Secured(Roles.STEWARD)
    public KpiView create(@Body String json, Authentication authentication) {
        Map<String, Object> body = Requests.object(json);
        KpiDefinition kpi = governance.create(definition(body, null, authentication), Requests.actor(authentication));
        return KpiView.of(governance.result(kpi, window(null, null)));
    }

    /** Replaces a user-defined KPI; on a built-in one only {@code target} and {@code deadline} may be given. */
    @Put("/governance/kpis/{name}")
    @Secured(Roles.STEWARD)
    public KpiView update(@PathVariable String name, @Body String json, Authentication authentication) {
        Map<String, Object> body = Requests.object(json);
        KpiDefinition current = governance.definition(name);
        KpiDefinition wanted;
        if (current.builtIn()) {
            Requests.onlyKnownFields(body, Set.of("target", "deadline"));
            wanted = current.withTarget(Requests.number(body, "target"), optionalDate(body, "deadline"));
        } else {
            wanted = definition(body, name, authentication);
        }
        KpiDefinition saved = governance.update(name, wanted, Requests.actor(authentication));
        return KpiView.of(governance.result(saved, window(null, null)));
    }

    @Delete("/governance/kpis/{name}")
    @Secured(Roles.STEWARD)
    public HttpResponse<Void> delete(@PathVariable String name, Authentication authentication) {
        governance.delete(name, Requests.actor(authentication));
        return HttpResponse.noContent();
    }

    /** Sets or clears how often a table is expected to change or load; puts it in the freshness KPI. */
    @Put("/assets/{id}/freshness")
    @Secured(Roles.STEWARD)
    public Map<String, Object> freshness(@PathVariable String id, @Body String json, Authentication authentication) {
        Map<String, Object> body = Requests.object(json);
        Requests.onlyKnownFields(body, Set.of("expectedIntervalHours"));
        if (!body.containsKey("expectedIntervalHours")) {
            throw CatalogException.invalid("expectedIntervalHours", "is required (hours, or null to clear)");
        }
        AssetId asset = Identifiers.fromPath(id);
        Integer hours = Requests.integer(body, "expectedIntervalHours");
        store.setExpectedInterval(asset, hours, Requests.actor(authentication));
        java.util.LinkedHashMap<String, Object> answer = new java.util.LinkedHashMap<>();
        answer.put("id", asset.toString());
        answer.put("expectedIntervalHours", hours);
        return answer;
    }

    @SuppressWarnings("unchecked")
    private KpiDefinition definition(Map<String, Object> body, String pathName, Authentication authentication) {
        Requests.onlyKnownFields(body, KPI_FIELDS);
        String name = Requests.string(body, "name");
        if (pathName != null && name != null && !name.equals(pathName)) {
            throw CatalogException.invalid("name", "a KPI keeps its name ('" + pathName + "')");
        }
        Object filterValue = body.get("filter");
        if (filterValue != null && !(filterValue instanceof Map)) {
            throw CatalogException.invalid("filter", "is an object with any of " + String.join(", ", FILTER_FIELDS));
        }
        Map<String, Object> filter = filterValue == null ? Map.of() : (Map<String, Object>) filterValue;
        Requests.onlyKnownFields(filter, FILTER_FIELDS);
        List<AssetType> types = filter.containsKey("types")
                ? Requests.strings(filter, "types").stream().map(AssetType::fromValue).toList()
                : null;
        AssetFilter assetFilter = new AssetFilter(
                types,
                Requests.string(filter, "warehouse"),
                Requests.string(filter, "schema"),
                Requests.string(filter, "domain"),
                Requests.string(filter, "tag"),
                Requests.string(filter, "owner"));
        return new KpiDefinition(
                pathName != null ? pathName : Requests.requiredString(body, "name"),
                Requests.string(body, "label"),
                Requests.string(body, "description"),
                false,
                KpiUnit.PERCENT,
                false,
                assetFilter,
                KpiCondition.parse(Requests.string(body, "condition")),
                Requests.number(body, "target"),
                optionalDate(body, "deadline"),
                Requests.actor(authentication).name());
    }

    private KpiWindow window(String asOf, Integer days) {
        return new KpiWindow(asOf == null ? governance.today() : date("asOf", asOf), days == null ? KpiWindow.DEFAULT_DAYS : days);
    }

    private static LocalDate optionalDate(Map<String, Object> body, String field) {
        String text = Requests.string(body, field);
        return text == null ? null : date(field, text);
    }

    private static LocalDate date(String field, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw CatalogException.invalid(field, "is a date YYYY-MM-DD, not '" + text + "'");
        }
    }
}

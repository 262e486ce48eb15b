package io.zhongtai.service.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.PageRequest;
import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.asset.AssetQuery;
import io.zhongtai.core.asset.AssetType;
import io.zhongtai.core.asset.CatalogStore;
import io.zhongtai.core.lineage.LineageStore;
import io.zhongtai.service.lineage.JobService;
import io.zhongtai.service.security.Roles;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /api/v1/jobs}: ETL jobs registered with their SQL. Their table and column lineage is read
 * from the SQL and kept in the graph, versioned when the SQL changes.
 */
@Controller("/api/v1/jobs")
@Secured(Roles.VIEWER)
public class JobController {
    private static final Set<String> FIELDS = Set.of("name", "warehouse", "sql", "dialect", "defaultSchema", "description");
    private static final int RUNS_SHOWN = 20;

    private final JobService jobs;
    private final LineageStore lineage;
    private final CatalogStore catalog;

    public JobController(JobService jobs, LineageStore lineage, CatalogStore catalog) {
        this.jobs = jobs;
        this.lineage = lineage;
        this.catalog = catalog;
    }

    @Get
    public PageView<AssetView> list(
            @Nullable @QueryValue String warehouse, @Nullable @QueryValue String q, @Nullable @QueryValue Integer page,
            @Nullable @QueryValue Integer size) {
        AssetQuery query = new AssetQuery(AssetType.JOB, warehouse == null || warehouse.isBlank() ? null : warehouse, q, false);
        return PageView.of(catalog.listAssets(query, PageRequest.of(page, size)), AssetView::of);
    }

    /** Registers a job, or replaces the SQL of the job of that name on that warehouse. */
    @Post
    @Secured(Roles.STEWARD)
    public HttpResponse<LineageViews.JobView> register(@Body String json, Authentication authentication) {
        Map<String, Object> body = Requests.object(json);
        Requests.onlyKnownFields(body, FIELDS);
        JobService.JobOutcome outcome = jobs.put(
                new JobService.JobRequest(
                        Requests.requiredString(body, "name"),
                        Requests.requiredString(body, "warehouse"),
                        Requests.requiredString(body, "sql"),
                        Requests.string(body, "dialect"),
                        Requests.string(body, "defaultSchema"),
                        Requests.string(body, "description")),
                Requests.actor(authentication));
        LineageViews.JobView view = LineageViews.JobView.of(outcome.job(), outcome.version(), outcome.warnings(), List.of());
        return outcome.version() == 1
                ? HttpResponse.created(view, URI.create("/api/v1/jobs/" + Identifiers.toPath(outcome.job().job())))
                : HttpResponse.ok(view);
    }

    @Get("/{id}")
    public LineageViews.JobView get(@PathVariable String id) {
        AssetId job = jobId(id);
        return lineage.findJob(job)
                .map(found -> LineageViews.JobView.of(
                        found,
                        catalog.findAsset(job).map(asset -> asset.asset().version()).orElse(null),
                        List.of(),
                        lineage.runs(job, RUNS_SHOWN)))
                .orElseThrow(() -> new CatalogException(ErrorCode.ASSET_NOT_FOUND, "No job " + job));
    }

    /** Replaces the job's SQL (and optionally its dialect, default schema and description). */
    @Put("/{id}")
    @Secured(Roles.STEWARD)
    public LineageViews.JobView update(@PathVariable String id, @Body String json, Authentication authentication) {
        AssetId job = jobId(id);
        Map<String, Object> body = Requests.object(json);
        Requests.onlyKnownFields(body, FIELDS);
        String name = Requests.string(body, "name");
        String warehouse = Requests.string(body, "warehouse");
        if ((name != null && !name.equals(job.name())) || (warehouse != null && !warehouse.equals(job.warehouse()))) {
            throw CatalogException.invalid("name", "a job keeps its name and warehouse; register a new job instead");
        }
        if (lineage.findJob(job).isEmpty()) {
            throw new CatalogException(ErrorCode.ASSET_NOT_FOUND, "No job " + job);
        }
        JobService.JobOutcome outcome = jobs.put(
                new JobService.JobRequest(
                        job.name(),
                        job.warehouse(),
                        Requests.requiredString(body, "sql"),
                        Requests.string(body, "dialect"),
                        Requests.string(body, "defaultSchema"),
                        Requests.string(body, "description")),
                Requests.actor(authentication));
        return LineageViews.JobView.of(outcome.job(), outcome.version(), outcome.warnings(), List.of());
    }

    @Delete("/{id}")
    @Secured(Roles.STEWARD)
    public HttpResponse<Void> delete(@PathVariable String id, Authentication authentication) {
        lineage.deleteJob(jobId(id), Requests.actor(authentication));
        return HttpResponse.noContent();
    }

    private static AssetId jobId(String segment) {
        AssetId id = Identifiers.fromPath(segment);
        if (id.type() != AssetType.JOB) {
            throw new CatalogException(ErrorCode.INVALID_IDENTIFIER, id + " is not a job; job ids look like job:demo.load_daily_sales");
        }
        return id;
    }
}

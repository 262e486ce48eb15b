package io.zhongtai.service.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.lineage.LineageDirection;
import io.zhongtai.core.lineage.LineageLevel;
import io.zhongtai.core.lineage.LineageQuery;
import io.zhongtai.core.lineage.LineageStore;
import io.zhongtai.core.lineage.SqlLineageRequest;
import io.zhongtai.core.warehouse.Dialect;
import io.zhongtai.service.lineage.JobService;
import io.zhongtai.service.security.Roles;
import java.util.Map;
import java.util.Set;

/** {@code /api/v1/lineage}: SQL lineage on request, walks over the lineage graph, impact analysis. */
@Controller("/api/v1/lineage")
@Secured(Roles.VIEWER)
public class LineageController {
    private static final Set<String> SQL_FIELDS = Set.of("sql", "dialect", "defaultDatabase", "defaultSchema", "warehouse");

    private final JobService jobs;
    private final LineageStore lineage;

    public LineageController(JobService jobs, LineageStore lineage) {
        this.jobs = jobs;
        this.lineage = lineage;
    }

    /** Parses SQL and answers its lineage; stores nothing. */
    @Post("/sql")
    @Secured(Roles.ANALYST)
    public LineageViews.SqlLineageView sql(@Body String json) {
        Map<String, Object> body = Requests.object(json);
        Requests.onlyKnownFields(body, SQL_FIELDS);
        String dialect = Requests.string(body, "dialect");
        SqlLineageRequest request = new SqlLineageRequest(
                Requests.requiredString(body, "sql"),
                dialect == null ? Dialect.GENERIC : Dialect.fromValue(dialect),
                Requests.string(body, "defaultDatabase"),
                Requests.string(body, "defaultSchema"));
        return LineageViews.SqlLineageView.of(jobs.parse(request, Requests.string(body, "warehouse")));
    }

    @Get("/{id}")
    public LineageViews.GraphView graph(
            @PathVariable String id,
            @Nullable @QueryValue String direction,
            @Nullable @QueryValue Integer depth,
            @Nullable @QueryValue String level,
            @Nullable @QueryValue Integer offset,
            @Nullable @QueryValue Integer fanOut) {
        AssetId start = Identifiers.fromPath(id);
        LineageQuery query = new LineageQuery(
                start,
                direction == null ? LineageDirection.BOTH : LineageDirection.fromValue(direction),
                depth == null ? LineageQuery.DEFAULT_DEPTH : depth,
                level == null ? LineageLevel.TABLE : LineageLevel.fromValue(level),
                offset == null ? 0 : offset,
                fanOut == null ? LineageQuery.DEFAULT_FAN_OUT : fanOut);
        return LineageViews.GraphView.of(lineage.lineage(query));
    }

    /** Everything downstream of the asset, grouped by type and owner, with the jobs on the way. */
    @Get("/{id}/impact")
    public LineageViews.ImpactView impact(@PathVariable String id, @Nullable @QueryValue Integer depth) {
        int hops = depth == null ? LineageQuery.MAX_DEPTH : depth;
        // the same bounds as a walk
        LineageQuery.of(Identifiers.fromPath(id), LineageDirection.DOWNSTREAM, hops, LineageLevel.TABLE);
        return LineageViews.ImpactView.of(lineage.impact(Identifiers.fromPath(id), hops));
    }
}

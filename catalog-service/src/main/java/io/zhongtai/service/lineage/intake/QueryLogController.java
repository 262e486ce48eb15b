package io.zhongtai.service.lineage.intake;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.zhongtai.core.Actor;
import io.zhongtai.service.security.Roles;

/** {@code POST /api/v1/warehouses/{name}/query-log} (stewards and admins): harvest the warehouse's query log now. */
@Controller("/api/v1/warehouses")
@Secured(Roles.STEWARD)
public class QueryLogController {
    private final QueryLogService queryLogs;

    public QueryLogController(QueryLogService queryLogs) {
        this.queryLogs = queryLogs;
    }

    @Post("/{name}/query-log")
    public QueryLogService.Harvest harvest(@PathVariable String name, Authentication authentication) {
        return queryLogs.harvest(name, new Actor(authentication.getName()));
    }
}

package io.zhongtai.service.search;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.zhongtai.core.Actor;
import io.zhongtai.service.security.Roles;

/**
 * {@code /api/v1/admin/search}: where the search index stands against the catalog, a full
 * rebuild from the catalog while search keeps serving, and a check that the index holds exactly
 * what the catalog holds. Admins only.
 */
@Controller("/api/v1/admin/search")
@Secured(Roles.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
public class SearchAdminController {
    private final SearchProjection projection;

    public SearchAdminController(SearchProjection projection) {
        this.projection = projection;
    }

    /** The adapter, document count, applied and latest change-log positions, and the latest rebuild. */
    @Get
    public SearchProjection.SearchStatus status() {
        return projection.status();
    }

    /** Starts rebuilding the index from the catalog and answers the run (202); one at a time. */
    @Post("/rebuild")
    @Status(HttpStatus.ACCEPTED)
    public RebuildRun rebuild(Authentication authentication) {
        return projection.startRebuild(new Actor(authentication.getName()));
    }

    /** A rebuild run: status, documents so far, and once finished its duration and rate. */
    @Get("/rebuilds/{id}")
    public RebuildRun run(@PathVariable String id) {
        return projection.rebuildRun(id);
    }

    /**
     * Compares every asset's document in the index with the one built from the catalog now (after
     * applying what the change log holds); reads the whole catalog, so it takes a while on a large one.
     */
    @Get("/consistency")
    public SearchProjection.ConsistencyReport consistency() {
        return projection.check();
    }
}

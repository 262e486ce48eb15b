package io.zhongtai.service.lineage.intake;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.zhongtai.core.Actor;
import io.zhongtai.service.security.Roles;

/**
 * {@code POST /api/v1/dbt/import?warehouse=<name>} (stewards): a dbt project's manifest.json as
 * the body, or {@code {"manifest": {...}, "catalog": {...}}} with its catalog.json; answers what
 * the manifest held and what the import changed.
 */
@Controller("/api/v1/dbt")
@Secured(Roles.STEWARD)
public class DbtImportController {
    private final DbtImportService imports;

    public DbtImportController(DbtImportService imports) {
        this.imports = imports;
    }

    @Post("/import")
    public DbtImportService.Result importProject(
            @Nullable @QueryValue String warehouse, @Body String body, Authentication authentication) {
        return imports.importProject(warehouse, body, new Actor(authentication.getName()));
    }
}

package io.zhongtai.service.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
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
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.PageRequest;
import io.zhongtai.core.warehouse.CrawlRunStore;
import io.zhongtai.service.crawl.CrawlService;
import io.zhongtai.service.crawl.WarehouseRegistry;
import io.zhongtai.service.security.Roles;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code /api/v1/warehouses} and {@code /api/v1/crawls}: registrations (admins) and crawls (stewards). */
@Controller("/api/v1")
@Secured(Roles.VIEWER)
public class WarehouseController {
    private static final Set<String> FIELDS = Set.of(
            "name",
            "jdbcUrl",
            "username",
            "password",
            "dialect",
            "includeSchemas",
            "excludeSchemas",
            "includeTables",
            "excludeTables",
            "profileColumns",
            "profileSampleRows",
            "maxRemovalShare",
            "schedule");

    private final WarehouseRegistry registry;
    private final CrawlService crawls;
    private final CrawlRunStore runs;

    public WarehouseController(WarehouseRegistry registry, CrawlService crawls, CrawlRunStore runs) {
        this.registry = registry;
        this.crawls = crawls;
        this.runs = runs;
    }

    @Get("/warehouses")
    public List<WarehouseView> list() {
        return registry.list().stream().map(WarehouseView::of).toList();
    }

    @Post("/warehouses")
    @Status(HttpStatus.CREATED)
    @Secured(Roles.ADMIN)
    public WarehouseView register(@Body String json, Authentication authentication) {
        Map<String, Object> body = Requests.object(json);
        return WarehouseView.of(registry.register(registration(body), Requests.actor(authentication)));
    }

    @Get("/warehouses/{name}")
    public WarehouseView get(@PathVariable String name) {
        return WarehouseView.of(registry.find(name));
    }

    @Put("/warehouses/{name}")
    @Secured(Roles.ADMIN)
    public WarehouseView update(@PathVariable String name, @Body String json, Authentication authentication) {
        Map<String, Object> body = Requests.object(json);
        return WarehouseView.of(registry.update(name, registration(body), Requests.actor(authentication)));
    }

    @Delete("/warehouses/{name}")
    @Secured(Roles.ADMIN)
    public HttpResponse<Void> delete(@PathVariable String name, Authentication authentication) {
        registry.delete(name, Requests.actor(authentication));
        return HttpResponse.noContent();
    }

    @Post("/warehouses/{name}/crawl")
    @Status(HttpStatus.ACCEPTED)
    @Secured(Roles.STEWARD)
    public CrawlRunView crawl(@PathVariable String name, @Nullable @QueryValue Boolean force, Authentication authentication) {
        return CrawlRunView.of(crawls.start(name, Requests.actor(authentication), Boolean.TRUE.equals(force)));
    }

    @Get("/warehouses/{name}/crawls")
    public PageView<CrawlRunView> crawls(
            @PathVariable String name, @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        registry.find(name);
        return PageView.of(runs.list(name, PageRequest.of(page, size)), CrawlRunView::of);
    }

    @Get("/crawls/{id}")
    public CrawlRunView run(@PathVariable String id) {
        return runs.find(id)
                .map(CrawlRunView::of)
                .orElseThrow(() -> new CatalogException(ErrorCode.CRAWL_RUN_NOT_FOUND, "No crawl run with id '" + id + "'"));
    }

    private static WarehouseRegistry.Registration registration(Map<String, Object> body) {
        Requests.onlyKnownFields(body, FIELDS);
        return new WarehouseRegistry.Registration(
                Requests.string(body, "name"),
                Requests.string(body, "jdbcUrl"),
                Requests.string(body, "username"),
                Requests.string(body, "password"),
                Requests.string(body, "dialect"),
                body.containsKey("includeSchemas") ? Requests.strings(body, "includeSchemas") : null,
                body.containsKey("excludeSchemas") ? Requests.strings(body, "excludeSchemas") : null,
                body.containsKey("includeTables") ? Requests.strings(body, "includeTables") : null,
                body.containsKey("excludeTables") ? Requests.strings(body, "excludeTables") : null,
                Requests.bool(body, "profileColumns"),
                Requests.integer(body, "profileSampleRows"),
                Requests.number(body, "maxRemovalShare"),
                Requests.string(body, "schedule"));
    }
}

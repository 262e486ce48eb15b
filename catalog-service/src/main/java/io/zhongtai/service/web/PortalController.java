package io.zhongtai.service.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import io.zhongtai.service.api.Problems;
import java.util.Optional;

/**
 * Serves the portal (the {@code web} module's build, on the class path under
 * {@value PortalResources#ROOT}) at {@code /} without a token. Client-side routes survive a
 * reload: an unknown GET path outside {@code /api/} from a browser (one that accepts HTML)
 * gets the portal's page, and the portal's router takes it from there. Every other unknown
 * path stays a 404 problem document.
 */
@Hidden
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
public class PortalController {
    private static final String NO_SUCH_RESOURCE = "No such resource";

    private final PortalResources resources;

    public PortalController(PortalResources resources) {
        this.resources = resources;
    }

    @Get(value = "/", produces = MediaType.TEXT_HTML)
    public HttpResponse<?> index(HttpRequest<?> request) {
        return page(request);
    }

    /** The build's hashed files: cached for a year, since a new build gives them new names. */
    @Get(value = "/static/{+path}", produces = MediaType.ALL)
    public HttpResponse<?> file(HttpRequest<?> request, @PathVariable String path) {
        return resources.file("static/" + path)
                .<HttpResponse<?>>map(file -> HttpResponse.ok(file.content())
                        .contentType(file.mediaType())
                        .header("Cache-Control", "public, max-age=31536000, immutable"))
                .orElseGet(() -> notFound(request));
    }

    @Get(value = "/favicon.svg", produces = MediaType.ALL)
    public HttpResponse<?> favicon(HttpRequest<?> request) {
        return resources.file("favicon.svg")
                .<HttpResponse<?>>map(file -> HttpResponse.ok(file.content())
                        .contentType(file.mediaType())
                        .header("Cache-Control", "public, max-age=86400"))
                .orElseGet(() -> notFound(request));
    }

    /** Every path no route serves ends here (the security configuration lets them through). */
    @Error(status = HttpStatus.NOT_FOUND, global = true)
    @Produces(MediaType.ALL)
    public HttpResponse<?> unknownPath(HttpRequest<?> request) {
        if (isPortalRoute(request)) {
            return page(request);
        }
        return notFound(request);
    }

    /** A browser asking for a page at a path that is not the API's. */
    static boolean isPortalRoute(HttpRequest<?> request) {
        String path = request.getPath();
        boolean api = path.equals("/api") || path.startsWith("/api/");
        // asked for by name: a browser's navigation does, an API client's "*/*" does not
        boolean html = request.accept().stream()
                .anyMatch(type -> type.getType().equals("text") && type.getSubtype().equals("html"));
        return request.getMethod().name().equals("GET") && !api && !path.startsWith("/static/") && html;
    }

    private HttpResponse<?> page(HttpRequest<?> request) {
        Optional<PortalResources.File> index = resources.file("index.html");
        if (index.isEmpty()) {
            return Problems.of(
                    request,
                    HttpStatus.NOT_FOUND,
                    "portal-not-built",
                    "This build of Zhongtai has no portal: build it with the web module (npm runs in its Maven build)",
                    null);
        }
        // the page names the build's current files, so it must never be cached
        return HttpResponse.ok(index.get().content())
                .contentType(MediaType.TEXT_HTML_TYPE.toString() + ";charset=utf-8")
                .header("Cache-Control", "no-cache");
    }

    private static MutableHttpResponse<?> notFound(HttpRequest<?> request) {
        return Problems.of(request, HttpStatus.NOT_FOUND, "not-found", NO_SUCH_RESOURCE, null);
    }
}

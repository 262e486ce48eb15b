package io.zhongtai.service.api;

import io.micronaut.health.HealthStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.security.annotation.Secured;
import io.zhongtai.service.config.Neo4jConfig;
import io.zhongtai.service.security.Roles;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/status} (admins): what this instance runs on, and the state of each part
 * that reports its health (the optional ones, such as Elasticsearch or an LLM, appear here once
 * they are configured and report through a {@link HealthIndicator}).
 */
@Controller("/api/v1/status")
@Secured(Roles.ADMIN)
public class StatusController {
    private static final Duration INDICATOR_TIMEOUT = Duration.ofSeconds(5);

    private final List<HealthIndicator> indicators;
    private final Neo4jConfig neo4j;

    public StatusController(List<HealthIndicator> indicators, Neo4jConfig neo4j) {
        this.indicators = indicators;
        this.neo4j = neo4j;
    }

    /** The instance's status: its version, its store, and each component's health. */
    public record Status(String version, Store store, List<Component> components) {}

    /** The catalog store: embedded Neo4j, or the external server's URI (never its password). */
    public record Store(String kind, String uri) {}

    /** One part that reports its health: UP, DOWN or UNKNOWN, with what it tells about itself. */
    public record Component(String name, String status, Object details) {}

    @Get
    public Mono<Status> status() {
        Store store = neo4j.embedded() ? new Store("neo4j-embedded", null) : new Store("neo4j-external", neo4j.uri());
        return Flux.fromIterable(indicators)
                .flatMap(indicator -> Mono.from(indicator.getResult())
                        .map(StatusController::component)
                        .timeout(INDICATOR_TIMEOUT, Mono.just(new Component(
                                indicator.getClass().getSimpleName(), HealthStatus.UNKNOWN.getName(), Map.of("reason", "no answer in 5 s")))))
                .sort(Comparator.comparing(Component::name))
                .collectList()
                .map(components -> new Status(version(), store, components));
    }

    private static Component component(HealthResult result) {
        return new Component(result.getName(), result.getStatus().getName(), result.getDetails());
    }

    private static String version() {
        String version = StatusController.class.getPackage().getImplementationVersion();
        return version == null ? "development build" : version;
    }
}

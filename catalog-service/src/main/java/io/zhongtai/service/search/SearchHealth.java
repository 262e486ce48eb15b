package io.zhongtai.service.search;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.util.Map;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * {@code /health} is UP only once search has caught up with the catalog (API.md): after the
 * start-up work, the projection has applied everything the change log held. It is DOWN again
 * while the projection fails (the index cannot be written), with the reason.
 */
@Singleton
public class SearchHealth implements HealthIndicator {
    private final SearchProjection projection;

    public SearchHealth(SearchProjection projection) {
        this.projection = projection;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        boolean up = projection.caughtUp();
        HealthResult.Builder result = HealthResult.builder("search", up ? HealthStatus.UP : HealthStatus.DOWN);
        if (!up) {
            result.details(Map.of("reason", projection.problem()));
        }
        return Mono.just(result.build());
    }
}

package io.zhongtai.service;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.util.Map;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Whether the service is ready to answer: the store is open and the start-up work (first admin,
 * demo warehouse on a first start) is done. {@code /health} is DOWN (503) until then, and stays
 * DOWN with the reason if that work failed.
 */
@Singleton
public class Readiness implements HealthIndicator {
    private volatile boolean ready;
    private volatile String problem = "starting";

    public void ready() {
        problem = null;
        ready = true;
    }

    public void failed(String reason) {
        ready = false;
        problem = reason;
    }

    public boolean isReady() {
        return ready;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        HealthResult.Builder result = HealthResult.builder("zhongtai", ready ? HealthStatus.UP : HealthStatus.DOWN);
        if (!ready) {
            result.details(Map.of("reason", problem == null ? "starting" : problem));
        }
        return Mono.just(result.build());
    }
}

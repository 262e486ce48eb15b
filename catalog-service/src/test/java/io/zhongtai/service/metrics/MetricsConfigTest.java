package io.zhongtai.service.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The metrics configuration: its defaults and a full mapping. */
class MetricsConfigTest {
    @Test
    void defaults() {
        try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false).start()) {
            assertThat(context.getBean(MetricsConfig.class)).isEqualTo(new MetricsConfig(Duration.ofSeconds(60), 4, 500,
                    Duration.ofMinutes(30), Duration.ofSeconds(5)));
        }
    }

    @Test
    void fullMapping() {
        Map<String, Object> properties = Map.of(
                "zhongtai.metrics.statement-timeout", "15s",
                "zhongtai.metrics.pool-size", 8,
                "zhongtai.metrics.cache-entries", 0,
                "zhongtai.metrics.cache-time-to-live", "2h",
                "zhongtai.metrics.change-log-poll", "500ms");
        try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false).properties(properties).start()) {
            assertThat(context.getBean(MetricsConfig.class)).isEqualTo(new MetricsConfig(Duration.ofSeconds(15), 8, 0,
                    Duration.ofHours(2), Duration.ofMillis(500)));
        }
    }
}

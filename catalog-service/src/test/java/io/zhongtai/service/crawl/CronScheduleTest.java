package io.zhongtai.service.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhongtai.core.CatalogException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CronScheduleTest {
    private final CronSchedule nightly = CronSchedule.parse("0 2 * * *");

    @Test
    void findsTheLatestFiring() {
        assertThat(nightly.lastFiring(Instant.parse("2026-03-10T05:00:00Z"))).contains(Instant.parse("2026-03-10T02:00:00Z"));
        assertThat(nightly.lastFiring(Instant.parse("2026-03-10T01:59:59Z"))).contains(Instant.parse("2026-03-09T02:00:00Z"));
        assertThat(nightly.lastFiring(Instant.parse("2026-03-10T02:00:30Z"))).contains(Instant.parse("2026-03-10T02:00:00Z"));
        assertThat(nightly.nextFiring(Instant.parse("2026-03-10T05:00:00Z"))).contains(Instant.parse("2026-03-11T02:00:00Z"));
    }

    @Test
    void isDueOncePerFiringAndNotBeforeTheScheduleExisted() {
        Instant now = Instant.parse("2026-03-10T02:00:10Z");
        assertThat(nightly.isDue(now, null, Instant.parse("2026-03-01T00:00:00Z"))).isTrue();
        assertThat(nightly.isDue(now, Instant.parse("2026-03-10T02:00:05Z"), Instant.parse("2026-03-01T00:00:00Z"))).isFalse();
        assertThat(nightly.isDue(now, Instant.parse("2026-03-09T02:00:03Z"), Instant.parse("2026-03-01T00:00:00Z"))).isTrue();
        assertThat(nightly.isDue(now, null, Instant.parse("2026-03-10T02:00:08Z"))).as("set after today's firing").isFalse();
        assertThat(nightly.isDue(Instant.parse("2026-03-10T09:00:00Z"), Instant.parse("2026-03-09T02:00:00Z"), null))
                .as("a firing missed while down starts one crawl").isTrue();
    }

    @Test
    void rejectsWhatIsNotAFiveFieldCronExpression() {
        assertThatThrownBy(() -> CronSchedule.parse("daily")).isInstanceOf(CatalogException.class).hasMessageContaining("five fields");
        assertThatThrownBy(() -> CronSchedule.parse("0 25 * * *")).isInstanceOf(CatalogException.class);
        assertThat(CronSchedule.parse("*/15 * * * 1-5").toString()).isEqualTo("*/15 * * * 1-5");
    }
}

package io.zhongtai.service.governance;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import io.zhongtai.service.Zhongtai;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the daily KPI snapshot: the first check after start and then every hour look whether
 * today has one, so a day is never skipped while the service runs and a restart never takes two.
 */
@Singleton
@Requires(property = Zhongtai.SCHEDULING, notEquals = "false")
public class KpiSnapshotScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(KpiSnapshotScheduler.class);

    private final GovernanceService governance;

    public KpiSnapshotScheduler(GovernanceService governance) {
        this.governance = governance;
    }

    @Scheduled(initialDelay = "2m", fixedDelay = "1h")
    void snapshotIfDue() {
        try {
            if (!governance.snapshotTakenToday()) {
                int taken = governance.snapshot().size();
                LOG.info("Daily governance snapshot taken: {} KPIs", taken);
            }
        } catch (RuntimeException e) {
            LOG.warn("Daily governance snapshot failed; next try in an hour: {}", e.getMessage());
        }
    }
}

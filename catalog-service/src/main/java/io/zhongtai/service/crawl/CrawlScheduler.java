package io.zhongtai.service.crawl;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import io.zhongtai.core.Actor;
import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.PageRequest;
import io.zhongtai.core.warehouse.CrawlRun;
import io.zhongtai.core.warehouse.CrawlRunStore;
import io.zhongtai.core.warehouse.Warehouse;
import io.zhongtai.core.warehouse.WarehouseStore;
import io.zhongtai.service.Readiness;
import io.zhongtai.service.Zhongtai;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the crawls that warehouses' cron schedules say are due. It looks every 30 seconds; a
 * schedule that fired while the service was down starts one crawl when it is back.
 */
@Singleton
@Requires(property = Zhongtai.SCHEDULING, notEquals = "false")
public class CrawlScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(CrawlScheduler.class);
    public static final Actor SCHEDULER = new Actor("scheduler");

    private final WarehouseStore warehouses;
    private final CrawlRunStore runs;
    private final CrawlService crawls;
    private final Readiness readiness;
    private final Clock clock;

    public CrawlScheduler(WarehouseStore warehouses, CrawlRunStore runs, CrawlService crawls, Readiness readiness, Clock clock) {
        this.warehouses = warehouses;
        this.runs = runs;
        this.crawls = crawls;
        this.readiness = readiness;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "30s", initialDelay = "30s")
    void tick() {
        if (readiness.isReady()) {
            startDue(clock.instant());
        }
    }

    /** Starts every crawl due at {@code now} and returns the runs it started. */
    public List<CrawlRun> startDue(Instant now) {
        List<CrawlRun> started = new ArrayList<>();
        for (Warehouse warehouse : warehouses.list()) {
            if (warehouse.schedule() == null) {
                continue;
            }
            try {
                Instant lastRun = runs.list(warehouse.name(), new PageRequest(0, 1)).items().stream()
                        .findFirst()
                        .map(CrawlRun::startedAt)
                        .orElse(null);
                if (CronSchedule.parse(warehouse.schedule()).isDue(now, lastRun, warehouse.updatedAt())) {
                    started.add(crawls.start(warehouse.name(), SCHEDULER, false));
                    LOG.info("Scheduled crawl of {} started ({})", warehouse.name(), warehouse.schedule());
                }
            } catch (CatalogException e) {
                if (e.code() != ErrorCode.CRAWL_ALREADY_RUNNING) {
                    LOG.warn("Scheduled crawl of {} could not start: {}", warehouse.name(), e.getMessage());
                }
            }
        }
        return started;
    }
}

package io.zhongtai.service.metrics;

import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.asset.AssetType;
import io.zhongtai.core.asset.CatalogStore;
import io.zhongtai.core.change.ChangeEvent;
import io.zhongtai.service.Zhongtai;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the catalog's change log and drops cached metric results that read a table a crawl
 * saw change (the table itself, or one of its columns). Runs only in the server (not in
 * commands such as {@code demo}), on its own thread, stopped before the store closes.
 */
@Singleton
@Requires(property = Zhongtai.SCHEDULING, notEquals = "false")
public class ChangeLogInvalidation {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeLogInvalidation.class);
    private static final int BATCH = 2_000;

    private final CatalogStore catalog;
    private final MetricsService metrics;
    private final MetricsConfig config;
    private ScheduledExecutorService timer;
    private long lastSequence;

    public ChangeLogInvalidation(CatalogStore catalog, MetricsService metrics, MetricsConfig config) {
        this.catalog = catalog;
        this.metrics = metrics;
        this.config = config;
    }

    @EventListener
    synchronized void onStartup(ServerStartupEvent event) {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "metric-cache-invalidation");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(100, config.changeLogPoll().toMillis());
        timer.scheduleWithFixedDelay(this::follow, every, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() throws InterruptedException {
        ScheduledExecutorService running;
        synchronized (this) {
            running = timer;
            timer = null;
        }
        if (running != null) {
            running.shutdownNow();
            running.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /** Reads the change log from where it stopped and drops what the changes make stale. */
    public synchronized void follow() {
        try {
            while (true) {
                List<ChangeEvent> events = catalog.changesSince(lastSequence, BATCH);
                if (events.isEmpty()) {
                    return;
                }
                Map<String, Set<String>> changed = new HashMap<>();
                for (ChangeEvent event : events) {
                    AssetId id = event.assetId();
                    if (id.type() == AssetType.TABLE || id.type() == AssetType.VIEW || id.type() == AssetType.COLUMN) {
                        List<String> path = id.path();
                        changed.computeIfAbsent(path.get(0), w -> new HashSet<>()).add(path.get(1) + "." + path.get(2));
                    }
                    lastSequence = Math.max(lastSequence, event.sequence());
                }
                changed.forEach((warehouse, tables) -> {
                    int dropped = metrics.invalidate(warehouse, tables);
                    if (dropped > 0) {
                        LOG.info("Dropped {} cached metric results of {} after changes to {}", dropped, warehouse, tables);
                    }
                });
                if (events.size() < BATCH) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Following the change log for the metric cache failed: {}", e.getMessage());
        }
    }
}

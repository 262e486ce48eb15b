package io.zhongtai.service.crawl;

import io.micronaut.context.annotation.Bean;
import io.zhongtai.core.Actor;
import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.asset.CatalogStore;
import io.zhongtai.core.harvest.HarvestBatch;
import io.zhongtai.core.harvest.HarvestPolicy;
import io.zhongtai.core.harvest.HarvestResult;
import io.zhongtai.core.harvest.Harvester;
import io.zhongtai.core.security.SecretCipher;
import io.zhongtai.core.warehouse.CrawlRun;
import io.zhongtai.core.warehouse.CrawlRunStore;
import io.zhongtai.core.warehouse.CrawlStatus;
import io.zhongtai.core.warehouse.Warehouse;
import io.zhongtai.core.warehouse.WarehouseConnections;
import io.zhongtai.core.warehouse.WarehouseStore;
import io.zhongtai.crawlers.Harvesters;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs crawls: one at a time per warehouse, each recorded as a {@link CrawlRun} that is saved
 * when it starts, as it progresses and when it ends. The harvest is read first and written in
 * one transaction, so a failure at any point leaves the catalog as it was.
 */
@Singleton
@Bean(preDestroy = "close")
public class CrawlService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CrawlService.class);
    /** The share of progress given to reading the warehouse; writing the graph takes the rest. */
    private static final double READ_SHARE = 0.9;
    private static final Duration PROGRESS_SAVE_INTERVAL = Duration.ofMillis(500);

    private final WarehouseStore warehouses;
    private final CatalogStore catalog;
    private final CrawlRunStore runs;
    private final WarehouseConnections connections;
    private final Harvesters harvesters;
    private final SecretCipher cipher;
    private final Clock clock;
    private final List<AfterCrawl> followUps;
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "crawl");
        thread.setDaemon(true);
        return thread;
    });

    public CrawlService(
            WarehouseStore warehouses,
            CatalogStore catalog,
            CrawlRunStore runs,
            WarehouseConnections connections,
            Harvesters harvesters,
            SecretCipher cipher,
            Clock clock,
            List<AfterCrawl> followUps) {
        this.warehouses = warehouses;
        this.catalog = catalog;
        this.runs = runs;
        this.connections = connections;
        this.harvesters = harvesters;
        this.cipher = cipher;
        this.clock = clock;
        this.followUps = List.copyOf(followUps);
    }

    /**
     * Starts a crawl in the background and returns its run, status running.
     *
     * @param force apply the harvest even when it removes more than the warehouse's removal cap
     */
    public CrawlRun start(String warehouseName, Actor actor, boolean force) {
        Run run = begin(warehouseName, actor, force);
        try {
            executor.submit(() -> execute(run));
        } catch (RuntimeException e) {
            running.remove(warehouseName);
            throw e;
        }
        return run.snapshot();
    }

    /** Crawls now, in this thread, and returns the finished run (failed runs included). */
    public CrawlRun crawl(String warehouseName, Actor actor) {
        Run run = begin(warehouseName, actor, false);
        execute(run);
        return run.snapshot();
    }

    private Run begin(String warehouseName, Actor actor, boolean force) {
        Warehouse warehouse = warehouses.find(warehouseName)
                .orElseThrow(() -> new CatalogException(
                        ErrorCode.WAREHOUSE_NOT_FOUND, "No warehouse named '" + warehouseName + "' is registered"));
        Harvester harvester = harvesters.forDialect(warehouse.dialect());
        if (!running.add(warehouseName)) {
            throw new CatalogException(
                    ErrorCode.CRAWL_ALREADY_RUNNING,
                    "A crawl of '" + warehouseName + "' is already running; wait for it (GET /api/v1/warehouses/"
                            + warehouseName + "/crawls)");
        }
        Run run = new Run(UUID.randomUUID().toString(), warehouse, harvester, actor.name(), now(), force);
        try {
            run.log("Crawl of " + warehouseName + " started by " + actor.name() + (force ? " (forced: no removal cap)" : ""));
            runs.save(run.snapshot());
        } catch (RuntimeException e) {
            running.remove(warehouseName);
            throw e;
        }
        return run;
    }

    private void execute(Run run) {
        String name = run.warehouse.name();
        try {
            HarvestBatch batch;
            try (Connection connection = connections.open(run.warehouse, cipher.open(run.warehouse.encryptedPassword()))) {
                batch = run.harvester.harvest(run.warehouse, connection, progress -> {
                    run.progress = progress.fraction() * READ_SHARE;
                    if (progress.done() == 0 || progress.done() == progress.total()) {
                        run.log(progress.message());
                    }
                    saveThrottled(run);
                });
            }
            batch.warnings().forEach(warning -> run.log("Skipped: " + warning));
            run.log("Read " + batch.schemas().size() + " schema(s) and " + batch.tableCount() + " table(s) and view(s)"
                    + (batch.unread().isEmpty() ? "" : ", " + batch.unread().size() + " unreadable one(s) kept as they were")
                    + "; writing the difference");
            HarvestResult result = catalog.applyHarvest(
                    batch, new Actor(run.startedBy), HarvestPolicy.of(run.warehouse.crawl(), run.force));
            run.added = result.added();
            run.changed = result.changed();
            run.removed = result.removed();
            run.progress = 1;
            run.status = CrawlStatus.SUCCEEDED;
            run.log("Done: " + result.added() + " added, " + result.changed() + " changed, " + result.removed() + " removed");
            followUp(run);
        } catch (CatalogException e) {
            fail(run, e.getMessage(), e);
        } catch (SQLException e) {
            fail(run, "The warehouse connection failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            fail(run, "The crawl failed unexpectedly: " + e, e);
        } finally {
            run.finishedAt = now();
            try {
                runs.save(run.snapshot());
            } catch (RuntimeException e) {
                LOG.error("Could not record the end of crawl run {}", run.id, e);
            } finally {
                running.remove(name);
            }
        }
    }

    private void followUp(Run run) {
        for (AfterCrawl followUp : followUps) {
            try {
                followUp.afterCrawl(run.warehouse, new Actor(run.startedBy)).forEach(run::log);
            } catch (RuntimeException e) {
                LOG.warn("Work after crawl {} of {} failed", run.id, run.warehouse.name(), e);
                run.log("After the crawl: " + e.getMessage());
            }
        }
    }

    private void fail(Run run, String message, Exception e) {
        LOG.warn("Crawl {} of {} failed: {}", run.id, run.warehouse.name(), message, e);
        run.status = CrawlStatus.FAILED;
        run.error = message;
        run.log("Failed: " + message + " (nothing was written)");
    }

    private void saveThrottled(Run run) {
        Instant now = clock.instant();
        if (run.lastSaved == null || run.lastSaved.plus(PROGRESS_SAVE_INTERVAL).isBefore(now)) {
            run.lastSaved = now;
            runs.save(run.snapshot());
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    /** The mutable state of a run while this service drives it. */
    private static final class Run {
        final String id;
        final Warehouse warehouse;
        final Harvester harvester;
        final String startedBy;
        final Instant startedAt;
        final boolean force;
        final List<String> log = new ArrayList<>();
        volatile CrawlStatus status = CrawlStatus.RUNNING;
        volatile double progress;
        volatile int added;
        volatile int changed;
        volatile int removed;
        volatile String error;
        volatile Instant finishedAt;
        Instant lastSaved;

        Run(String id, Warehouse warehouse, Harvester harvester, String startedBy, Instant startedAt, boolean force) {
            this.id = id;
            this.force = force;
            this.warehouse = warehouse;
            this.harvester = harvester;
            this.startedBy = startedBy;
            this.startedAt = startedAt;
        }

        synchronized void log(String line) {
            log.add(Instant.now().truncatedTo(ChronoUnit.MILLIS) + " " + line);
        }

        synchronized CrawlRun snapshot() {
            return new CrawlRun(
                    id, warehouse.name(), status, progress, added, changed, removed, error, startedBy, startedAt, finishedAt, log);
        }
    }
}

package io.zhongtai.service.demo;

import io.zhongtai.core.Actor;
import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.asset.AssetPatch;
import io.zhongtai.core.asset.AssetType;
import io.zhongtai.core.asset.CatalogStore;
import io.zhongtai.core.security.Group;
import io.zhongtai.core.security.IdentityStore;
import io.zhongtai.core.warehouse.CrawlRun;
import io.zhongtai.core.warehouse.CrawlStatus;
import io.zhongtai.core.warehouse.WarehouseStore;
import io.zhongtai.crawlers.jdbc.JdbcWarehouseConnections;
import io.zhongtai.demo.DemoRetail;
import io.zhongtai.demo.DemoSummary;
import io.zhongtai.demo.EtlJob;
import io.zhongtai.service.config.HomeDirectory;
import io.zhongtai.service.crawl.CrawlService;
import io.zhongtai.service.crawl.WarehouseRegistry;
import io.zhongtai.service.lineage.JobService;
import io.zhongtai.service.metrics.MetricsService;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * (Re)creates the demo warehouse of demo-retail.md: generates the DuckDB file, runs its ETL,
 * registers it as {@code demo}, crawls it and gives its tables their owners.
 */
@Singleton
public class DemoService {
    private static final Logger LOG = LoggerFactory.getLogger(DemoService.class);
    private static final Map<String, String> GROUPS = Map.of(
            "data-team", "Data team: builds and runs the marts",
            "sales-ops", "Sales operations: owns orders, stores and regions",
            "crm", "Customer relationship management: owns customers and feedback");

    private final HomeDirectory home;
    private final JdbcWarehouseConnections connections;
    private final WarehouseRegistry registry;
    private final WarehouseStore warehouses;
    private final CrawlService crawls;
    private final CatalogStore catalog;
    private final IdentityStore identities;
    private final JobService jobs;
    private final Clock clock;
    private final MetricsService metrics;

    public DemoService(
            HomeDirectory home,
            JdbcWarehouseConnections connections,
            WarehouseRegistry registry,
            WarehouseStore warehouses,
            CrawlService crawls,
            CatalogStore catalog,
            IdentityStore identities,
            JobService jobs,
            Clock clock,
            MetricsService metrics) {
        this.home = home;
        this.connections = connections;
        this.registry = registry;
        this.warehouses = warehouses;
        this.crawls = crawls;
        this.catalog = catalog;
        this.identities = identities;
        this.jobs = jobs;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** What the demo set-up did. */
    public record Outcome(DemoSummary summary, CrawlRun crawl, Path file) {}

    public synchronized Outcome create(long seed, double scale, Actor actor) {
        Path file = home.warehouseDirectory().resolve("demo.duckdb");
        String url = "jdbc:duckdb:" + file;
        long started = System.nanoTime();
        metrics.forgetWarehouse(DemoRetail.WAREHOUSE);
        connections.release(url);
        deleteIfExists(file);
        deleteIfExists(Path.of(file + ".wal"));
        DemoSummary summary;
        try (Connection connection = connections.open(demoWarehouse(url), null)) {
            summary = DemoRetail.generate(connection, seed, scale);
            DemoRetail.runEtl(connection);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CHECKPOINT");
            }
        } catch (SQLException e) {
            throw new CatalogException(ErrorCode.INTERNAL_ERROR, "Generating the demo warehouse failed: " + e.getMessage(), e);
        }
        LOG.info("Demo warehouse generated (seed {}, scale {}) in {} ms: {}", seed, scale,
                (System.nanoTime() - started) / 1_000_000, summary.rowCounts());
        if (warehouses.find(DemoRetail.WAREHOUSE).isEmpty()) {
            registry.register(
                    WarehouseRegistry.Registration.of(DemoRetail.WAREHOUSE, url, "duckdb"),
                    actor);
        }
        ensureGroups(actor);
        CrawlRun run = crawls.crawl(DemoRetail.WAREHOUSE, actor);
        if (run.status() != CrawlStatus.SUCCEEDED) {
            throw new CatalogException(ErrorCode.INTERNAL_ERROR, "Crawling the demo warehouse failed: " + run.error());
        }
        assignOwners(actor);
        registerJobs(actor);
        metrics.installDemo(actor);
        LOG.info("Demo warehouse ready in {} ms: {} added, {} changed, {} removed",
                (System.nanoTime() - started) / 1_000_000, run.added(), run.changed(), run.removed());
        return new Outcome(summary, run, file);
    }

    private static io.zhongtai.core.warehouse.Warehouse demoWarehouse(String url) {
        return new io.zhongtai.core.warehouse.Warehouse(
                DemoRetail.WAREHOUSE,
                url,
                null,
                null,
                io.zhongtai.core.warehouse.Dialect.DUCKDB,
                io.zhongtai.core.warehouse.CrawlSettings.DEFAULT,
                null,
                null,
                null);
    }

    private void ensureGroups(Actor actor) {
        GROUPS.forEach((name, description) -> {
            if (identities.findGroup(name).isEmpty()) {
                identities.createGroup(new Group(name, name, description, null, List.of(), clock.instant()), actor);
            }
        });
    }

    private void assignOwners(Actor actor) {
        DemoRetail.owners().forEach((table, group) -> {
            String[] parts = table.split("\\.");
            AssetId id = AssetId.of(AssetType.TABLE, DemoRetail.WAREHOUSE, parts[0], parts[1]);
            catalog.patchAsset(
                    id,
                    new AssetPatch(
                            Optional.empty(),
                            Optional.of(List.of(AssetId.of(AssetType.GROUP, group))),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty()),
                    actor);
        });
    }

    /** The ETL that built the marts, registered by the same path as any user's job. */
    private void registerJobs(Actor actor) {
        for (EtlJob job : DemoRetail.etlJobs()) {
            jobs.put(new JobService.JobRequest(job.name(), DemoRetail.WAREHOUSE, job.sql(), null, null, job.description()), actor);
        }
    }

    private static void deleteIfExists(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new CatalogException(ErrorCode.INTERNAL_ERROR, "Cannot replace the demo file " + file + ": " + e.getMessage(), e);
        }
    }
}

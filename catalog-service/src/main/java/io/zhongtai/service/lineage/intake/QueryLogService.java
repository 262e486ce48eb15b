package io.zhongtai.service.lineage.intake;

import io.zhongtai.core.Actor;
import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.asset.AssetType;
import io.zhongtai.core.asset.CatalogStore;
import io.zhongtai.core.lineage.JobLineage;
import io.zhongtai.core.lineage.LineageStore;
import io.zhongtai.core.lineage.SqlLineageExtractor;
import io.zhongtai.core.security.SecretCipher;
import io.zhongtai.core.warehouse.Warehouse;
import io.zhongtai.core.warehouse.WarehouseConnections;
import io.zhongtai.core.warehouse.WarehouseStore;
import io.zhongtai.crawlers.querylog.QueryDigest;
import io.zhongtai.crawlers.querylog.QueryLogAnalyzer;
import io.zhongtai.crawlers.querylog.QueryLogReader;
import io.zhongtai.crawlers.querylog.QueryLogReaders;
import io.zhongtai.service.crawl.AfterCrawl;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Harvests the query log of a PostgreSQL, MySQL or MariaDB warehouse: after each successful crawl
 * of one (quietly skipped when its log is not enabled), and on demand through
 * {@code POST /api/v1/warehouses/{name}/query-log}. New calls since the previous harvest become
 * reads per table per day; statements that write a table from others become lineage of the job
 * {@code job:<warehouse>."querylog.<schema>.<table>"}, united with what earlier harvests found.
 *
 * <p>The jobs are written first, then the usage, then the counters; a failure between the last
 * two counts that harvest's reads again next time.
 */
@Singleton
public class QueryLogService implements AfterCrawl {
    private static final Logger LOG = LoggerFactory.getLogger(QueryLogService.class);

    /** What a harvest did. */
    public record Harvest(
            String warehouse,
            LocalDate day,
            QueryLogAnalyzer.Stats stats,
            List<String> jobsChanged,
            List<String> warnings) {}

    private final WarehouseStore warehouses;
    private final CatalogStore catalog;
    private final LineageStore lineage;
    private final WarehouseConnections connections;
    private final SecretCipher cipher;
    private final Clock clock;
    private final QueryLogAnalyzer analyzer;
    private final ConcurrentMap<String, Object> locks = new ConcurrentHashMap<>();

    public QueryLogService(
            WarehouseStore warehouses,
            CatalogStore catalog,
            LineageStore lineage,
            WarehouseConnections connections,
            SecretCipher cipher,
            Clock clock,
            SqlLineageExtractor extractor) {
        this.warehouses = warehouses;
        this.catalog = catalog;
        this.lineage = lineage;
        this.connections = connections;
        this.cipher = cipher;
        this.clock = clock;
        this.analyzer = new QueryLogAnalyzer(extractor);
    }

    public Harvest harvest(String warehouseName, Actor actor) {
        Warehouse warehouse = warehouses.find(warehouseName).orElseThrow(() -> new CatalogException(
                ErrorCode.WAREHOUSE_NOT_FOUND, "No warehouse named '" + warehouseName + "' is registered"));
        QueryLogReader reader = QueryLogReaders.forDialect(warehouse.dialect()).orElseThrow(() -> CatalogException.invalid(
                "warehouse",
                "query logs are read from postgres, mysql and mariadb warehouses; '" + warehouse.name() + "' is "
                        + warehouse.dialect().value()));
        synchronized (locks.computeIfAbsent(warehouse.name(), name -> new Object())) {
            return harvest(warehouse, reader, actor);
        }
    }

    private Harvest harvest(Warehouse warehouse, QueryLogReader reader, Actor actor) {
        List<QueryDigest> digests;
        try (Connection connection = connections.open(warehouse, cipher.open(warehouse.encryptedPassword()))) {
            digests = reader.read(connection);
        } catch (SQLException e) {
            throw new CatalogException(
                    ErrorCode.WAREHOUSE_UNAVAILABLE, "Reading the query log of '" + warehouse.name() + "' failed: " + e.getMessage(), e);
        }
        LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        CatalogDatasets datasets = new CatalogDatasets(catalog);
        QueryLogAnalyzer.Result result = analyzer.analyze(
                warehouse.name(),
                warehouse.dialect(),
                digests,
                lineage.queryLogCounters(warehouse.name()),
                day,
                (schema, name) -> datasets.find(AssetId.of(AssetType.TABLE, warehouse.name(), schema, name)));
        List<String> changed = new ArrayList<>();
        for (JobLineage harvested : result.jobs()) {
            Optional<JobLineage> stored = lineage.findJob(harvested.job());
            JobLineage merged = QueryLogAnalyzer.merge(stored, harvested);
            if (stored.isEmpty() || !stored.get().equals(merged)) {
                lineage.putJob(merged, List.of(), actor);
                changed.add(harvested.job().toString());
            }
        }
        lineage.recordUsage(result.usage());
        lineage.saveQueryLogCounters(warehouse.name(), result.counters());
        return new Harvest(warehouse.name(), day, result.stats(), changed, result.warnings());
    }

    @Override
    public List<String> afterCrawl(Warehouse warehouse, Actor actor) {
        if (QueryLogReaders.forDialect(warehouse.dialect()).isEmpty()) {
            return List.of();
        }
        try {
            Harvest harvest = harvest(warehouse.name(), actor);
            QueryLogAnalyzer.Stats stats = harvest.stats();
            return List.of("Query log: " + stats.digests() + " statement digest(s), " + stats.newCalls() + " new call(s), "
                    + stats.reads() + " read(s) counted, " + harvest.jobsChanged().size() + " lineage job(s) changed"
                    + (stats.unreadable() > 0 ? ", " + stats.unreadable() + " statement(s) not read" : ""));
        } catch (CatalogException e) {
            if (e.code() == ErrorCode.QUERY_LOG_UNAVAILABLE) {
                LOG.info("No query log harvested from {}: {}", warehouse.name(), e.getMessage());
                return List.of("Query log not read: " + e.getMessage());
            }
            throw e;
        }
    }

}

package io.zhongtai.graph.neo4j;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Constraints and indexes, applied on start as numbered migrations. The graph keeps the
 * number of the last one applied, so a later release adds a migration and older stores catch up.
 */
public final class Neo4jSchema {
    private static final Logger LOG = LoggerFactory.getLogger(Neo4jSchema.class);

    /** Each entry is one migration: statements that run in order. Never edit a released one. */
    private static final List<List<String>> MIGRATIONS = List.of(
            List.of(
                    "CREATE CONSTRAINT asset_id IF NOT EXISTS FOR (a:Asset) REQUIRE a.id IS UNIQUE",
                    "CREATE INDEX asset_warehouse IF NOT EXISTS FOR (a:Asset) ON (a.warehouse)",
                    "CREATE INDEX asset_type IF NOT EXISTS FOR (a:Asset) ON (a.type)",
                    "CREATE CONSTRAINT change_sequence IF NOT EXISTS FOR (c:ChangeEvent) REQUIRE c.sequence IS UNIQUE",
                    "CREATE INDEX change_asset IF NOT EXISTS FOR (c:ChangeEvent) ON (c.assetId)",
                    "CREATE CONSTRAINT warehouse_connection IF NOT EXISTS FOR (w:WarehouseConnection) REQUIRE w.name IS UNIQUE",
                    "CREATE CONSTRAINT crawl_run IF NOT EXISTS FOR (r:CrawlRun) REQUIRE r.id IS UNIQUE",
                    "CREATE INDEX crawl_run_warehouse IF NOT EXISTS FOR (r:CrawlRun) ON (r.warehouse)",
                    "CREATE CONSTRAINT api_token IF NOT EXISTS FOR (t:ApiToken) REQUIRE t.id IS UNIQUE",
                    "CREATE CONSTRAINT api_token_secret IF NOT EXISTS FOR (t:ApiToken) REQUIRE t.secretHash IS UNIQUE",
                    "CREATE CONSTRAINT audit_entry IF NOT EXISTS FOR (e:AuditEntry) REQUIRE e.id IS UNIQUE",
                    "CREATE INDEX audit_at IF NOT EXISTS FOR (e:AuditEntry) ON (e.at)"),
            List.of(
                    "CREATE INDEX asset_qualified_name IF NOT EXISTS FOR (a:Asset) ON (a.qualifiedName)",
                    "CREATE INDEX feeds_via IF NOT EXISTS FOR ()-[r:FEEDS]-() ON (r.via)",
                    "CREATE INDEX lineage_event_job IF NOT EXISTS FOR (e:LineageEvent) ON (e.job)",
                    "CREATE CONSTRAINT daily_usage IF NOT EXISTS FOR (u:DailyUsage) REQUIRE u.key IS UNIQUE",
                    "CREATE INDEX daily_usage_asset IF NOT EXISTS FOR (u:DailyUsage) ON (u.assetId)",
                    "CREATE INDEX daily_usage_day IF NOT EXISTS FOR (u:DailyUsage) ON (u.day)",
                    "CREATE CONSTRAINT query_log_cursor IF NOT EXISTS FOR (c:QueryLogCursor) REQUIRE c.warehouse IS UNIQUE"));

    private Neo4jSchema() {}

    public static int latestVersion() {
        return MIGRATIONS.size();
    }

    /** Applies the migrations the store has not seen yet; returns the schema version now in force. */
    public static int migrate(Neo4jGraph graph) {
        int current = graph.read(tx -> tx.run("OPTIONAL MATCH (v:SchemaVersion {name: 'zhongtai'}) RETURN v.version AS v")
                .single()
                .get("v")
                .asInt(0));
        for (int version = current + 1; version <= MIGRATIONS.size(); version++) {
            for (String statement : MIGRATIONS.get(version - 1)) {
                // schema statements must each run in their own transaction
                graph.writeVoid(tx -> tx.run(statement).consume());
            }
            int applied = version;
            graph.writeVoid(tx -> tx.run(
                            "MERGE (v:SchemaVersion {name: 'zhongtai'}) SET v.version = $version",
                            Map.of("version", applied))
                    .consume());
            LOG.info("Applied catalog store migration {}", version);
        }
        return MIGRATIONS.size();
    }
}

package io.zhongtai.graph.neo4j;

import io.zhongtai.core.asset.AssetType;
import io.zhongtai.core.governance.AssetFilter;
import io.zhongtai.core.governance.BuiltInKpis;
import io.zhongtai.core.governance.KpiCondition;
import io.zhongtai.core.governance.KpiDefinition;
import io.zhongtai.core.governance.KpiWindow;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The population of each KPI as a Cypher fragment binding {@code a} (the asset counted),
 * {@code scope} (the table or view it belongs to, for owners, domain and schema: itself for
 * datasets), {@code ok} (true when it satisfies the KPI; for counts of problems, false for each
 * problem) and {@code reason} (why it does not). Only fixed text goes into a query; every value a
 * user gives is a parameter.
 */
final class KpiQueries {
    private static final String LIVE = "NOT coalesce(a.deleted, false)";
    private static final String DATASETS = "MATCH (a:Asset) WHERE a.type IN ['table', 'view'] AND " + LIVE + " WITH a ";
    /** Live columns; a column of a removed table is removed with it, so the table need not be read. */
    private static final String COLUMNS = "MATCH (a:Column) WHERE " + LIVE + " WITH a ";
    private static final String SELF_SCOPE = "WITH a, ok, reason, a AS scope ";
    private static final String PARENT_SCOPE = "MATCH (scope:Asset {id: a.parentId}) WITH a, ok, reason, scope ";
    /** The dataset holding a column, or the asset itself for anything else. */
    private static final String HOLDER_SCOPE = "OPTIONAL MATCH (holder:Asset)-[:CONTAINS]->(a) WHERE a.type = 'column' "
            + "WITH a, ok, reason, coalesce(holder, a) AS scope ";
    private static final String DESCRIBED = "trim(coalesce(a.description, a.sourceDescription, '')) <> ''";

    /**
     * A population binding {@code a}, {@code ok} and {@code reason}; {@code scope} binds the
     * dataset the asset belongs to, appended only where owners, domain or schema are read (a
     * count over a million columns need not look up their tables).
     */
    record Fragment(String cypher, String scope, Map<String, Object> params) {
        String scoped() {
            return cypher + scope;
        }
    }

    private KpiQueries() {}

    static Fragment of(KpiDefinition kpi, KpiWindow window) {
        Map<String, Object> params = new HashMap<>();
        long endMillis = window.asOf().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        long fromMillis = window.from().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        params.put("end", endMillis);
        params.put("from", fromMillis);
        params.put("fromDay", window.from().toString());
        params.put("asOfDay", window.asOf().toString());
        if (!kpi.builtIn()) {
            return custom(kpi, window, params);
        }
        String cypher = switch (kpi.name()) {
            case BuiltInKpis.DESCRIPTION_COVERAGE -> DATASETS
                    + "WITH a, " + DESCRIBED + " AS described, "
                    + "COUNT { MATCH (a)-[:CONTAINS]->(c:Column) WHERE NOT coalesce(c.deleted, false) "
                    + "AND trim(coalesce(c.description, c.sourceDescription, '')) = '' } AS blanks "
                    + "WITH a, described AND blanks = 0 AS ok, "
                    + "CASE WHEN NOT described AND blanks > 0 THEN 'no description, and ' + toString(blanks) + ' column(s) without one' "
                    + "WHEN NOT described THEN 'no description' "
                    + "ELSE toString(blanks) + ' column(s) without a description' END AS reason ";
            case BuiltInKpis.OWNERSHIP_COVERAGE -> DATASETS
                    + "WITH a, EXISTS { (a)-[:OWNED_BY]->() } AS ok, 'no owner' AS reason ";
            case BuiltInKpis.CLASSIFICATION_COVERAGE -> COLUMNS
                    + "WITH a, (a.classification IS NOT NULL OR EXISTS { (a)-[:TAGGED {source: 'manual'}]->() }) AS ok, "
                    + "'not classified by the crawler nor tagged by a steward' AS reason ";
            case BuiltInKpis.PII_TAGGED -> "CALL { MATCH (a:Column) WHERE a.classification STARTS WITH 'pii:' RETURN a "
                    + "UNION MATCH (:Tag {name: 'pii'})<-[:TAGGED]-(a:Column) RETURN a } "
                    + "WITH a WHERE " + LIVE + " "
                    + "WITH a, CASE WHEN EXISTS { (a)-[:TAGGED {source: 'manual'}]->(:Tag {name: 'pii'}) } "
                    + "THEN EXISTS { (a)-[t:TAGGED {source: 'manual'}]->(:Tag {name: 'pii'}) WHERE t.kind IS NOT NULL } "
                    + "ELSE EXISTS { (a)-[t:TAGGED]->(:Tag {name: 'pii'}) WHERE t.kind IS NOT NULL } END AS ok, "
                    + "'personal data without a pii tag naming its kind' AS reason ";
            case BuiltInKpis.GLOSSARY_COVERAGE -> DATASETS
                    + "WITH a, (EXISTS { (a)-[:HAS_TERM]->() } OR EXISTS { (a)-[:CONTAINS]->(c:Column)-[:HAS_TERM]->() "
                    + "WHERE NOT coalesce(c.deleted, false) }) AS ok, 'no glossary term on the table or its columns' AS reason ";
            case BuiltInKpis.LINEAGE_COVERAGE -> DATASETS
                    + "WITH a, EXISTS { (a)-[:FEEDS]-() } AS ok, 'no known upstream or downstream' AS reason ";
            case BuiltInKpis.CERTIFIED_METRICS -> "MATCH (a:Asset {type: 'metric'}) WHERE " + LIVE + " WITH a "
                    + "WITH a, " + certified("a") + " AS ok, 'not certified (' + coalesce(" + status("a") + ", 'draft') + ')' AS reason ";
            case BuiltInKpis.FRESHNESS -> DATASETS
                    + "WHERE a.expectedIntervalHours IS NOT NULL "
                    + "WITH a, CASE WHEN coalesce(a.lastLoadedAt, 0) > coalesce(a.updatedAt, 0) THEN a.lastLoadedAt "
                    + "ELSE a.updatedAt END AS last "
                    + "WITH a, last IS NOT NULL AND last >= $end - a.expectedIntervalHours * 3600000 AS ok, "
                    + "'no change or load in the last ' + toString(a.expectedIntervalHours) + ' hours' AS reason ";
            case BuiltInKpis.BREAKING_CHANGES -> "MATCH (e:ChangeEvent) WHERE e.at >= $from AND e.at < $end AND e.breaking = true "
                    + "MATCH (a:Asset {id: e.assetId}) WHERE a.type IN ['table', 'view'] "
                    + "WITH a, false AS ok, 'breaking change (' + e.kind + ') by ' + e.by + ' at ' + toString(datetime({epochMillis: e.at})) "
                    + "AS reason ";
            case BuiltInKpis.UNUSED_ASSETS -> "MATCH (c:QueryLogCursor) WITH collect(c.warehouse) AS logged "
                    + "UNWIND logged AS warehouse "
                    + "MATCH (a:Asset {warehouse: warehouse}) WHERE a.type IN ['table', 'view'] AND " + LIVE + " WITH a "
                    + "WITH a, EXISTS { MATCH (u:DailyUsage) WHERE u.assetId = a.id AND u.day >= $fromDay AND u.day <= $asOfDay } AS ok, "
                    + "'no reads since ' + $fromDay AS reason ";
            default -> throw new IllegalArgumentException("unknown built-in KPI " + kpi.name());
        };
        String scope = switch (kpi.name()) {
            case BuiltInKpis.CLASSIFICATION_COVERAGE, BuiltInKpis.PII_TAGGED -> PARENT_SCOPE;
            case BuiltInKpis.BREAKING_CHANGES -> HOLDER_SCOPE;
            default -> SELF_SCOPE;
        };
        return new Fragment(cypher, scope, params);
    }

    /** Metrics keep their lifecycle in {@code status}; certified is the governed state. */
    private static String certified(String variable) {
        return "coalesce(" + status(variable) + ", '') = 'certified'";
    }

    private static String status(String variable) {
        return "coalesce(" + variable + ".status, " + variable + ".lifecycle)";
    }

    private static Fragment custom(KpiDefinition kpi, KpiWindow window, Map<String, Object> params) {
        AssetFilter filter = kpi.filter();
        params.put("types", filter.types().stream().map(AssetType::value).toList());
        params.put("warehouse", filter.warehouse());
        params.put("schemaId", filter.schemaId());
        params.put("domain", filter.domain());
        params.put("tag", filter.tag());
        params.put("owner", filter.owner());
        StringBuilder cypher = new StringBuilder("MATCH (a:Asset) WHERE a.type IN $types AND " + LIVE + " ");
        cypher.append("OPTIONAL MATCH (p:Asset)-[:CONTAINS]->(a) WHERE a.type = 'column' ");
        cypher.append("WITH a, CASE WHEN p IS NULL THEN a ELSE p END AS scope ");
        cypher.append("WHERE ($warehouse IS NULL OR a.warehouse = $warehouse) ");
        cypher.append("AND ($schemaId IS NULL OR scope.parentId = $schemaId) ");
        cypher.append("AND ($domain IS NULL OR EXISTS { (scope)-[:IN_DOMAIN]->(:Asset {name: $domain}) }) ");
        cypher.append("AND ($tag IS NULL OR EXISTS { (a)-[:TAGGED]->(:Tag {name: $tag}) }) ");
        cypher.append("AND ($owner IS NULL OR EXISTS { (scope)-[:OWNED_BY]->(:Asset {id: $owner}) }) ");
        KpiCondition condition = kpi.condition();
        params.put("argument", condition.argument());
        String test = switch (condition.kind()) {
            case HAS_DESCRIPTION -> DESCRIBED;
            case HAS_OWNER -> "EXISTS { (a)-[:OWNED_BY]->() }";
            case HAS_TAG -> "EXISTS { (a)-[:TAGGED]->(:Tag {name: $argument}) }";
            case HAS_TERM -> "EXISTS { (a)-[:HAS_TERM]->() }";
            case HAS_DOMAIN -> "EXISTS { (a)-[:IN_DOMAIN]->() }";
            case HAS_LINEAGE -> "(EXISTS { (a)-[:FEEDS]-() } OR EXISTS { (a)<-[:READS|WRITES]-(:Job) })";
            case CERTIFIED -> certified("a");
            case READ_WITHIN_DAYS -> {
                params.put("readFrom", window.asOf().minusDays(Integer.parseInt(condition.argument()) - 1L).toString());
                yield "EXISTS { MATCH (u:DailyUsage) WHERE u.assetId = a.id AND u.day >= $readFrom AND u.day <= $asOfDay }";
            }
        };
        cypher.append("WITH a, ").append(test).append(" AS ok, 'does not satisfy ").append(condition.kind().value())
                .append("' AS reason ");
        return new Fragment(cypher.toString(), HOLDER_SCOPE, params);
    }

    /** The breakdown key expressions: owners are a list, the others one value. */
    static String key(String by) {
        return switch (by) {
            case "owner" -> "[(scope)-[:OWNED_BY]->(o) | o.id]";
            case "domain" -> "[(scope)-[:IN_DOMAIN]->(d) | d.name]";
            case "warehouse" -> "[a.warehouse]";
            case "schema" -> "[CASE WHEN scope.type IN ['table', 'view'] THEN scope.parentId ELSE NULL END]";
            default -> throw new IllegalArgumentException(by);
        };
    }
}

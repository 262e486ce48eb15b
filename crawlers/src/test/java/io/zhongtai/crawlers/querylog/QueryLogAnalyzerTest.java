package io.zhongtai.crawlers.querylog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.lineage.ColumnEdge;
import io.zhongtai.core.lineage.DatasetUsage;
import io.zhongtai.core.lineage.JobLineage;
import io.zhongtai.core.lineage.LineageOrigin;
import io.zhongtai.core.warehouse.Dialect;
import io.zhongtai.crawlers.sql.JSqlParserLineageExtractor;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueryLogAnalyzerTest {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);
    private static final Set<String> TABLES = Set.of("public.orders", "public.customers", "mart.daily_sales", "shop.orders", "shop.order_totals");
    private static final QueryLogAnalyzer.Datasets CATALOG = (schema, name) -> TABLES.contains(schema + "." + name)
            ? Optional.of(AssetId.of(io.zhongtai.core.asset.AssetType.TABLE, "wh", schema, name))
            : Optional.empty();

    private final QueryLogAnalyzer analyzer = new QueryLogAnalyzer(new JSqlParserLineageExtractor());

    private static AssetId table(String name) {
        return AssetId.parse("table:wh." + name);
    }

    @Test
    void readsCountOnTheHarvestDayAsCallsSinceThePreviousHarvest() {
        List<QueryDigest> log = List.of(
                new QueryDigest("10:1", "SELECT o.order_id, c.email FROM orders o JOIN customers c ON c.customer_id = o.customer_id WHERE o.status = $1", 40, null),
                new QueryDigest("10:2", "SELECT count(*) FROM public.orders WHERE order_date > $1", 7, null),
                new QueryDigest("10:3", "SELECT * FROM pg_catalog.pg_class WHERE relname = $1", 3, null));
        QueryLogAnalyzer.Result result = analyzer.analyze("wh", Dialect.POSTGRES, log, Map.of("10:1", 30L, "10:2", 7L), DAY, CATALOG);

        // 10 new calls of the first; the second has none; pg_class is no catalog table
        assertThat(result.usage()).containsExactly(
                new DatasetUsage(table("public.customers"), DAY, 10),
                new DatasetUsage(table("public.orders"), DAY, 10));
        assertThat(result.counters()).isEqualTo(Map.of("10:1", 40L, "10:2", 7L, "10:3", 3L));
        assertThat(result.stats()).isEqualTo(new QueryLogAnalyzer.Stats(3, 2, 13, 20, 0, 0, 0, 1));
        assertThat(result.jobs()).isEmpty();
    }

    @Test
    void aCounterThatWentDownMeansTheStatisticsWereReset() {
        List<QueryDigest> log = List.of(new QueryDigest("10:2", "SELECT order_id FROM orders", 4, null));
        QueryLogAnalyzer.Result result = analyzer.analyze("wh", Dialect.POSTGRES, log, Map.of("10:2", 900L), DAY, CATALOG);
        assertThat(result.usage()).containsExactly(new DatasetUsage(table("public.orders"), DAY, 4));
    }

    @Test
    void writesFromOtherTablesBecomeOneJobPerTarget() {
        List<QueryDigest> log = List.of(
                new QueryDigest("shop:a1", "INSERT INTO `order_totals` ( `customer_id` , `total` ) SELECT `customer_id` , SUM ( `amount` ) FROM `orders` WHERE `status` IN (...) GROUP BY `customer_id`", 2, "shop"),
                new QueryDigest("shop:a2", "UPDATE `order_totals` SET `total` = ? WHERE `customer_id` = ?", 5, "shop"),
                new QueryDigest("shop:a3", "INSERT INTO `orders` VALUES (...) /* , ... */", 9, "shop"));
        QueryLogAnalyzer.Result result = analyzer.analyze("wh", Dialect.MARIADB, log, Map.of(), DAY, CATALOG);

        assertThat(result.jobs()).singleElement().satisfies(job -> {
            assertThat(job.job()).isEqualTo(AssetId.parse("job:wh.\"querylog.shop.order_totals\""));
            assertThat(job.origin()).isEqualTo(LineageOrigin.QUERY_LOG);
            assertThat(job.inputs()).containsExactly(table("shop.orders"));
            assertThat(job.outputs()).containsExactly(table("shop.order_totals"));
            assertThat(job.columns()).containsExactlyInAnyOrder(
                    new ColumnEdge(AssetId.parse("column:wh.shop.orders.customer_id"), AssetId.parse("column:wh.shop.order_totals.customer_id")),
                    new ColumnEdge(AssetId.parse("column:wh.shop.orders.amount"), AssetId.parse("column:wh.shop.order_totals.total")));
            assertThat(job.properties().get("sql")).startsWith("INSERT INTO `order_totals`");
        });
        // the INSERT ... SELECT reads orders twice; the VALUES insert and the UPDATE read nothing
        assertThat(result.usage()).containsExactly(new DatasetUsage(table("shop.orders"), DAY, 2));
        assertThat(result.stats().writeStatements()).isEqualTo(3);
        assertThat(result.stats().lineageStatements()).isEqualTo(1);
    }

    @Test
    void truncatedAndForeignStatementsAreCountedNotGuessed() {
        List<QueryDigest> log = List.of(
                new QueryDigest("shop:b1", "SELECT `a` , `b` , `c` FROM `orders` WHERE `a` = ? AND ...", 1, "shop"),
                new QueryDigest("shop:b2", "SHOW FULL PROCESSLIST", 1, "shop"),
                new QueryDigest("shop:b3", "SELECT `order_id` FROM `orders`", 1, "shop"));
        QueryLogAnalyzer.Result result = analyzer.analyze("wh", Dialect.MARIADB, log, Map.of(), DAY, CATALOG);

        assertThat(result.usage()).containsExactly(new DatasetUsage(table("shop.orders"), DAY, 1));
        assertThat(result.stats().unreadable()).isGreaterThanOrEqualTo(1);
        assertThat(result.warnings()).anySatisfy(warning -> assertThat(warning).contains("truncated"));
    }

    @Test
    void mergingKeepsWhatEarlierHarvestsFound() {
        List<QueryDigest> first = List.of(new QueryDigest("1", "INSERT INTO mart.daily_sales (order_id) SELECT order_id FROM orders", 1, null));
        List<QueryDigest> second = List.of(new QueryDigest("2", "INSERT INTO mart.daily_sales (order_id) SELECT customer_id FROM customers", 1, null));
        JobLineage stored = analyzer.analyze("wh", Dialect.POSTGRES, first, Map.of(), DAY, CATALOG).jobs().get(0);
        JobLineage harvested = analyzer.analyze("wh", Dialect.POSTGRES, second, Map.of(), DAY, CATALOG).jobs().get(0);

        JobLineage merged = QueryLogAnalyzer.merge(Optional.of(stored), harvested);
        assertThat(merged.inputs()).containsExactlyInAnyOrder(table("public.orders"), table("public.customers"));
        assertThat(merged.columns()).hasSize(2);
        assertThat(merged.properties().get("sql").split(QueryLogAnalyzer.STATEMENT_SEPARATOR)).hasSize(2);
        assertThat(QueryLogAnalyzer.merge(Optional.of(merged), harvested)).isEqualTo(merged);
    }

    @Test
    void foldedListsBecomeParseable() {
        assertThat(QueryLogAnalyzer.prepare("SELECT * FROM t WHERE a IN (...) ")).isEqualTo("SELECT * FROM t WHERE a IN (NULL)");
        assertThatThrownBy(() -> QueryLogAnalyzer.prepare("SELECT a FROM t WHERE b = ? ...")).hasMessageContaining("truncated");
    }
}

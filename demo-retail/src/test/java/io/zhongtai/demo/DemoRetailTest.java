package io.zhongtai.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the generator and the ETL on real DuckDB databases at scale 0.05 (10,000 orders; inventory
 * does not scale, since stores and products do not) and checks what demo-retail.md promises.
 */
class DemoRetailTest {
    private static final long SEED = DemoRetail.DEFAULT_SEED;
    private static final double SCALE = 0.05;

    /** The key each table's rows are ordered by for digests. */
    private static final Map<String, String> ORDER_KEYS = orderedMap(
            "retail.regions", "region_id",
            "retail.stores", "store_id",
            "retail.customers", "customer_id",
            "retail.products", "product_id",
            "retail.orders", "order_id",
            "retail.order_items", "order_id, line_no",
            "retail.inventory_snapshots", "snapshot_date, store_id, product_id",
            "retail.customer_feedback", "feedback_id");

    /** Generated once at SEED and SCALE, with the mart built, and only read by the tests. */
    private static Connection shared;

    private static DemoSummary sharedSummary;

    @BeforeAll
    static void generateSharedWarehouse() throws SQLException {
        shared = openDuckDb("jdbc:duckdb:");
        sharedSummary = DemoRetail.generate(shared, SEED, SCALE);
        DemoRetail.runEtl(shared);
    }

    @AfterAll
    static void closeSharedWarehouse() throws SQLException {
        if (shared != null) {
            shared.close();
        }
    }

    // ---------------------------------------------------------------- determinism

    @Test
    void sameSeedAndScaleGiveIdenticalRowsInAnotherDatabase(@TempDir Path directory) throws SQLException {
        try (Connection other = openDuckDb("jdbc:duckdb:" + directory.resolve("demo.duckdb"))) {
            DemoSummary summary = DemoRetail.generate(other, SEED, SCALE);

            assertThat(summary).isEqualTo(sharedSummary);
            assertThat(digests(other)).isEqualTo(digests(shared));
        }
    }

    @Test
    void regeneratingWithAnotherSeedReplacesTheWarehouseWithOtherRows() throws SQLException {
        try (Connection connection = openDuckDb("jdbc:duckdb:")) {
            // The smallest warehouse first: one customer, who must have signed up before the first order.
            DemoSummary tiny = DemoRetail.generate(connection, SEED, 0.00001);
            assertThat(tiny.rowCounts()).contains(entry("retail.customers", 1L), entry("retail.orders", 2L));
            // One review is asked for, unless both orders happen to be cancelled.
            assertThat(tiny.rowCount("retail.customer_feedback")).isBetween(0L, 1L);
            DemoRetail.runEtl(connection);

            DemoSummary summary = DemoRetail.generate(connection, SEED + 1, SCALE);

            assertThat(summary.seed()).isEqualTo(SEED + 1);
            assertThat(tablesIn(connection, "mart"))
                    .as("generate drops the mart")
                    .isEmpty();
            assertThat(connection.getAutoCommit()).as("auto-commit restored").isTrue();
            Map<String, String> digests = digests(connection);
            Map<String, String> sharedDigests = digests(shared);
            assertThat(digests).isNotEqualTo(sharedDigests);
            for (String table : List.of("retail.orders", "retail.order_items", "retail.customers")) {
                assertThat(digests.get(table)).as(table).isNotEqualTo(sharedDigests.get(table));
            }
            // Fixed vocabulary, no randomness: the same for every seed.
            assertThat(digests.get("retail.regions")).isEqualTo(sharedDigests.get("retail.regions"));
        }
    }

    // ---------------------------------------------------------------- shape and counts

    @Test
    void rowCountsFollowTheScale() throws SQLException {
        Map<String, Long> counts = sharedSummary.rowCounts();

        assertThat(counts.keySet()).containsExactlyElementsOf(DemoRetail.RETAIL_TABLES);
        for (String table : DemoRetail.RETAIL_TABLES) {
            assertThat(counts.get(table)).as(table).isEqualTo(count("SELECT count(*) FROM " + table));
        }
        assertThat(counts.get("retail.regions")).isEqualTo(6);
        assertThat(counts.get("retail.stores")).isBetween(35L, 45L);
        assertThat(counts.get("retail.products")).isBetween(280L, 320L);
        assertThat(counts.get("retail.customers")).isEqualTo(Math.round(5_000 * SCALE));
        assertThat(counts.get("retail.orders")).isEqualTo(Math.round(200_000 * SCALE));
        assertThat(counts.get("retail.order_items"))
                .isBetween(2 * counts.get("retail.orders"), 5 * counts.get("retail.orders") / 2);
        assertThat(counts.get("retail.customer_feedback")).isEqualTo(Math.round(30_000 * SCALE));
        long sundays = 104; // 2024-01-07 to 2025-12-28
        long storesTimesProducts = counts.get("retail.stores") * counts.get("retail.products");
        assertThat(counts.get("retail.inventory_snapshots"))
                .isBetween(sundays * storesTimesProducts / 4, sundays * storesTimesProducts / 2);
    }

    @Test
    void scaledCountsRoundAndNeverDropToZero() {
        assertThat(RetailDataGenerator.scaled(5_000, 0.00001)).isEqualTo(1);
        assertThat(RetailDataGenerator.scaled(200_000, 0.0001)).isEqualTo(20);
        assertThat(RetailDataGenerator.scaled(200_000, 2.5)).isEqualTo(500_000);
    }

    @Test
    void regionsCitiesAndCategoriesAreTheSpecifiedOnes() throws SQLException {
        assertThat(strings("SELECT region_name || ' ' || region_name_zh FROM retail.regions ORDER BY region_id"))
                .containsExactly("East 华东", "North 华北", "South 华南", "West 西部", "Central 华中", "Northeast 东北");
        assertThat(strings("SELECT DISTINCT category || ' ' || category_zh FROM retail.products ORDER BY 1"))
                .containsExactlyInAnyOrder(
                        "Electronics 电子产品",
                        "Apparel 服装",
                        "Home 家居",
                        "Beauty 美妆",
                        "Grocery 食品",
                        "Sports 运动户外",
                        "Toys 玩具",
                        "Books 图书");
        assertThat(count("SELECT count(DISTINCT city) FROM retail.stores")).isGreaterThanOrEqualTo(12);
        assertThat(strings("SELECT DISTINCT store_type FROM retail.stores ORDER BY 1"))
                .containsExactly("flagship", "outlet", "standard");
        assertThat(strings("SELECT DISTINCT status FROM retail.orders ORDER BY 1"))
                .containsExactly("cancelled", "paid", "refunded");
        assertThat(strings("SELECT DISTINCT channel FROM retail.orders ORDER BY 1"))
                .containsExactly("online", "store");
        assertThat(strings("SELECT DISTINCT segment FROM retail.customers ORDER BY 1"))
                .containsExactly("consumer", "corporate", "vip");
        assertThat(strings("SELECT DISTINCT gender FROM retail.customers ORDER BY 1"))
                .containsExactly("F", "M");
        assertThat(count("SELECT count(*) FROM retail.customer_feedback WHERE rating NOT BETWEEN 1 AND 5"))
                .isZero();
    }

    @Test
    void retailTablesHaveTheSpecifiedColumnsAndKeys() throws SQLException {
        assertThat(columns("retail", "regions")).containsExactly("region_id", "region_name", "region_name_zh");
        assertThat(columns("retail", "stores"))
                .containsExactly("store_id", "store_name", "city", "region_id", "store_type", "opened_date");
        assertThat(columns("retail", "customers"))
                .containsExactly(
                        "customer_id",
                        "customer_name",
                        "gender",
                        "birth_year",
                        "city",
                        "segment",
                        "signup_date",
                        "email",
                        "phone");
        assertThat(columns("retail", "products"))
                .containsExactly(
                        "product_id", "product_name", "category", "category_zh", "brand", "unit_cost", "list_price");
        assertThat(columns("retail", "orders"))
                .containsExactly("order_id", "customer_id", "store_id", "order_date", "status", "channel");
        assertThat(columns("retail", "order_items"))
                .containsExactly("order_id", "line_no", "product_id", "quantity", "unit_price", "discount");
        assertThat(columns("retail", "inventory_snapshots"))
                .containsExactly("snapshot_date", "store_id", "product_id", "on_hand_qty");
        assertThat(columns("retail", "customer_feedback"))
                .containsExactly("feedback_id", "order_id", "customer_id", "rating", "comment", "created_at");

        assertThat(strings("SELECT table_name || ' ' || constraint_type || ' ' ||"
                        + " array_to_string(constraint_column_names, ',') FROM duckdb_constraints() WHERE"
                        + " schema_name = 'retail' AND constraint_type IN ('PRIMARY KEY', 'FOREIGN KEY') ORDER"
                        + " BY 1"))
                .containsExactlyInAnyOrder(
                        "regions PRIMARY KEY region_id",
                        "stores PRIMARY KEY store_id",
                        "stores FOREIGN KEY region_id",
                        "customers PRIMARY KEY customer_id",
                        "products PRIMARY KEY product_id",
                        "orders PRIMARY KEY order_id",
                        "orders FOREIGN KEY customer_id",
                        "orders FOREIGN KEY store_id",
                        "order_items FOREIGN KEY order_id",
                        "order_items FOREIGN KEY product_id",
                        "inventory_snapshots FOREIGN KEY store_id",
                        "inventory_snapshots FOREIGN KEY product_id",
                        "customer_feedback PRIMARY KEY feedback_id",
                        "customer_feedback FOREIGN KEY order_id",
                        "customer_feedback FOREIGN KEY customer_id");
        assertThat(strings("SELECT data_type FROM duckdb_columns() WHERE schema_name = 'retail'"
                        + " AND table_name = 'order_items' ORDER BY column_index"))
                .containsExactly("BIGINT", "INTEGER", "INTEGER", "INTEGER", "DECIMAL(10,2)", "DECIMAL(4,3)");
    }

    // ---------------------------------------------------------------- descriptions and owners

    @Test
    void onlyTheDeliberateBlanksLackADescription() throws SQLException {
        assertThat(strings("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'retail'"
                        + " AND (comment IS NULL OR trim(comment) = '')"))
                .isEmpty();
        assertThat(strings("SELECT table_name || '.' || column_name FROM duckdb_columns()"
                        + " WHERE schema_name = 'retail' AND (comment IS NULL OR trim(comment) = '')"))
                .containsExactlyInAnyOrder(
                        "customers.birth_year",
                        "orders.channel",
                        "order_items.line_no",
                        "inventory_snapshots.on_hand_qty");

        assertThat(strings("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'mart'"
                        + " AND (comment IS NULL OR trim(comment) = '')"))
                .containsExactly("inventory_cover");
        assertThat(strings("SELECT table_name || '.' || column_name FROM duckdb_columns()"
                        + " WHERE schema_name = 'mart' AND (comment IS NULL OR trim(comment) = '')"))
                .containsExactlyInAnyOrder(
                        "inventory_cover.snapshot_date",
                        "inventory_cover.store_id",
                        "inventory_cover.product_id",
                        "inventory_cover.on_hand_qty",
                        "inventory_cover.avg_daily_units_28d",
                        "inventory_cover.days_of_cover");
    }

    @Test
    void ownersAreTheSpecifiedGroups() {
        assertThat(DemoRetail.owners())
                .containsOnly(
                        entry("retail.orders", "sales-ops"),
                        entry("retail.order_items", "sales-ops"),
                        entry("retail.stores", "sales-ops"),
                        entry("retail.regions", "sales-ops"),
                        entry("retail.customers", "crm"),
                        entry("retail.customer_feedback", "crm"),
                        entry("mart.daily_sales", "data-team"),
                        entry("mart.customer_ltv", "data-team"),
                        entry("mart.region_daily", "data-team"))
                .doesNotContainKeys("retail.products", "retail.inventory_snapshots", "mart.inventory_cover");
        assertThatThrownBy(() -> DemoRetail.owners().put("retail.products", "x"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    // ---------------------------------------------------------------- ETL

    @Test
    void etlJobsAreListedInRunOrderWithReadableScripts() {
        List<EtlJob> jobs = DemoRetail.etlJobs();

        assertThat(jobs)
                .extracting(EtlJob::name)
                .containsExactly("load_daily_sales", "load_customer_ltv", "load_region_daily", "load_inventory_cover");
        for (int i = 0; i < jobs.size(); i++) {
            EtlJob job = jobs.get(i);
            String target = DemoRetail.MART_TABLES.get(i);
            assertThat(job.description()).as(job.name()).contains(target);
            assertThat(job.statements().get(0))
                    .as(job.name())
                    .contains("CREATE OR REPLACE TABLE " + target + " AS")
                    .as("%s names its columns", job.name())
                    .doesNotContainPattern("SELECT\\s+\\*|\\.\\*");
            assertThat(job.statements()).as(job.name()).allSatisfy(sql -> assertThat(sql)
                    .doesNotEndWith(";"));
        }
        assertThat(jobs.get(3).statements())
                .as("inventory_cover stays undocumented")
                .hasSize(1);
        assertThat(jobs.get(0).statements()).hasSize(1 + 1 + 6);
    }

    @Test
    void etlBuildsTheMartTablesWithTheSpecifiedColumns() throws SQLException {
        assertThat(tablesIn(shared, "mart"))
                .containsExactlyInAnyOrder("daily_sales", "customer_ltv", "region_daily", "inventory_cover");
        assertThat(columns("mart", "daily_sales"))
                .containsExactly("sale_date", "store_id", "product_id", "revenue", "units", "orders");
        assertThat(columns("mart", "customer_ltv"))
                .containsExactly("customer_id", "first_order_date", "last_order_date", "orders", "revenue");
        assertThat(columns("mart", "region_daily")).containsExactly("sale_date", "region_name", "revenue", "units");
        assertThat(columns("mart", "inventory_cover"))
                .containsExactly(
                        "snapshot_date",
                        "store_id",
                        "product_id",
                        "on_hand_qty",
                        "avg_daily_units_28d",
                        "days_of_cover");
    }

    @Test
    void dailySalesRevenueEqualsGmvComputedFromRetail() throws SQLException {
        String paidItems = " FROM retail.order_items AS i JOIN retail.orders AS o ON o.order_id = i.order_id"
                + " WHERE o.status = 'paid'";
        BigDecimal gmv = decimal("SELECT sum(i.quantity * i.unit_price * (1 - i.discount))" + paidItems);

        assertThat(gmv).isPositive();
        assertThat(decimal("SELECT sum(revenue) FROM mart.daily_sales")).isEqualByComparingTo(gmv);
        assertThat(count("SELECT sum(units) FROM mart.daily_sales"))
                .isEqualTo(count("SELECT sum(i.quantity)" + paidItems));
        // An order holds a product on one line only, so orders per product add up to paid lines.
        assertThat(count("SELECT sum(orders) FROM mart.daily_sales")).isEqualTo(count("SELECT count(*)" + paidItems));
    }

    @Test
    void regionDailyAddsUpToDailySales() throws SQLException {
        assertThat(decimal("SELECT sum(revenue) FROM mart.region_daily"))
                .isEqualByComparingTo(decimal("SELECT sum(revenue) FROM mart.daily_sales"));
        assertThat(count("SELECT sum(units) FROM mart.region_daily"))
                .isEqualTo(count("SELECT sum(units) FROM mart.daily_sales"));
        assertThat(count("SELECT count(*) FROM (SELECT d.sale_date, r.region_name, sum(d.revenue) AS revenue"
                        + " FROM mart.daily_sales d JOIN retail.stores s ON s.store_id = d.store_id"
                        + " JOIN retail.regions r ON r.region_id = s.region_id GROUP BY ALL) expected"
                        + " FULL JOIN mart.region_daily actual USING (sale_date, region_name)"
                        + " WHERE expected.revenue IS DISTINCT FROM actual.revenue"))
                .as("per day and region")
                .isZero();
    }

    @Test
    void customerLtvSumsThePaidOrdersOfEachCustomer() throws SQLException {
        assertThat(count("SELECT sum(orders) FROM mart.customer_ltv"))
                .isEqualTo(count("SELECT count(*) FROM retail.orders WHERE status = 'paid'"));
        assertThat(count("SELECT count(*) FROM mart.customer_ltv"))
                .isEqualTo(count("SELECT count(DISTINCT customer_id) FROM retail.orders WHERE status = 'paid'"));
        assertThat(decimal("SELECT sum(revenue) FROM mart.customer_ltv"))
                .isEqualByComparingTo(decimal("SELECT sum(revenue) FROM mart.daily_sales"));
        assertThat(count("SELECT count(*) FROM mart.customer_ltv WHERE first_order_date > last_order_date"))
                .isZero();
    }

    @Test
    void inventoryCoverHasOneRowPerSnapshotAndFollowsRecentSales() throws SQLException {
        assertThat(count("SELECT count(*) FROM mart.inventory_cover"))
                .isEqualTo(count("SELECT count(*) FROM retail.inventory_snapshots"));
        assertThat(count("SELECT count(*) FROM mart.inventory_cover WHERE avg_daily_units_28d = 0"))
                .isEqualTo(count("SELECT count(*) FROM mart.inventory_cover WHERE days_of_cover IS NULL"));
        // One snapshot checked by hand: units of the 28 days up to it, read from retail.
        long storeId = count("SELECT store_id FROM mart.inventory_cover WHERE snapshot_date = DATE '2024-11-10'"
                + " ORDER BY avg_daily_units_28d DESC, store_id, product_id LIMIT 1");
        long productId = count("SELECT product_id FROM mart.inventory_cover WHERE snapshot_date = DATE '2024-11-10'"
                + " ORDER BY avg_daily_units_28d DESC, store_id, product_id LIMIT 1");
        long units = count("SELECT sum(i.quantity) FROM retail.order_items i JOIN retail.orders o USING (order_id)"
                + " WHERE o.status = 'paid' AND o.store_id = " + storeId + " AND i.product_id = " + productId
                + " AND o.order_date BETWEEN DATE '2024-10-14' AND DATE '2024-11-10'");
        assertThat(units).isPositive();
        assertThat(decimal(
                        "SELECT avg_daily_units_28d FROM mart.inventory_cover WHERE snapshot_date = DATE '2024-11-10'"
                                + " AND store_id = " + storeId + " AND product_id = " + productId))
                .isEqualByComparingTo(
                        BigDecimal.valueOf(units).divide(BigDecimal.valueOf(28), 3, java.math.RoundingMode.HALF_UP));
    }

    // ---------------------------------------------------------------- guarantees

    @Test
    void everyOrderHasAStoreAndAtLeastOneItem() throws SQLException {
        assertThat(count("SELECT count(*) FROM retail.orders o WHERE o.store_id IS NULL"
                        + " OR NOT EXISTS (SELECT 1 FROM retail.order_items i WHERE i.order_id = o.order_id)"))
                .isZero();
        assertThat(count("SELECT count(*) FROM (SELECT order_id, line_no FROM retail.order_items"
                        + " GROUP BY ALL HAVING count(*) > 1)"))
                .as("one row per order line")
                .isZero();
        assertThat(count("SELECT count(*) FROM (SELECT order_id, product_id FROM retail.order_items"
                        + " GROUP BY ALL HAVING count(*) > 1)"))
                .as("a product appears on one line of an order")
                .isZero();
    }

    @Test
    void everyFeedbackBelongsToTheCustomerOfItsOrder() throws SQLException {
        assertThat(count("SELECT count(*) FROM retail.customer_feedback f"
                        + " JOIN retail.orders o ON o.order_id = f.order_id WHERE f.customer_id <> o.customer_id"))
                .isZero();
        assertThat(count("SELECT count(*) FROM retail.customer_feedback f"
                        + " JOIN retail.orders o ON o.order_id = f.order_id"
                        + " WHERE f.created_at < o.order_date OR o.status = 'cancelled'"))
                .isZero();
    }

    @Test
    void noKeyOrMeasureIsNull() throws SQLException {
        List<String> keysAndMeasures = List.of(
                "retail.regions.region_id",
                "retail.stores.store_id",
                "retail.stores.region_id",
                "retail.customers.customer_id",
                "retail.products.product_id",
                "retail.products.unit_cost",
                "retail.products.list_price",
                "retail.orders.order_id",
                "retail.orders.customer_id",
                "retail.orders.store_id",
                "retail.orders.order_date",
                "retail.orders.status",
                "retail.order_items.order_id",
                "retail.order_items.line_no",
                "retail.order_items.product_id",
                "retail.order_items.quantity",
                "retail.order_items.unit_price",
                "retail.order_items.discount",
                "retail.inventory_snapshots.snapshot_date",
                "retail.inventory_snapshots.store_id",
                "retail.inventory_snapshots.product_id",
                "retail.inventory_snapshots.on_hand_qty",
                "retail.customer_feedback.feedback_id",
                "retail.customer_feedback.order_id",
                "retail.customer_feedback.customer_id",
                "retail.customer_feedback.rating",
                "retail.customer_feedback.created_at");
        for (String column : keysAndMeasures) {
            int dot = column.lastIndexOf('.');
            assertThat(count("SELECT count(*) FROM " + column.substring(0, dot) + " WHERE " + column.substring(dot + 1)
                            + " IS NULL"))
                    .as(column)
                    .isZero();
        }
    }

    @Test
    void datesStayInsideTheDataRange() throws SQLException {
        assertThat(strings("SELECT min(order_date) || ' ' || max(order_date) FROM retail.orders"))
                .containsExactly("2024-01-01 2025-12-31");
        assertThat(count("SELECT count(*) FROM retail.customer_feedback"
                        + " WHERE created_at NOT BETWEEN DATE '2024-01-01' AND DATE '2025-12-31'"))
                .isZero();
        assertThat(strings("SELECT DISTINCT dayname(snapshot_date) FROM retail.inventory_snapshots"))
                .containsExactly("Sunday");
        assertThat(count("SELECT count(DISTINCT snapshot_date) FROM retail.inventory_snapshots"))
                .isEqualTo(104);
        assertThat(count("SELECT count(*) FROM retail.orders o JOIN retail.customers c USING (customer_id)"
                        + " WHERE o.order_date < c.signup_date"))
                .as("nobody orders before signing up")
                .isZero();
        assertThat(count("SELECT count(*) FROM retail.order_items i JOIN retail.orders o USING (order_id) JOIN"
                        + " retail.inventory_snapshots s ON s.store_id = o.store_id AND s.product_id = i.product_id AND"
                        + " s.snapshot_date = DATE '2024-01-07'"))
                .as("stores sell what they stock")
                .isEqualTo(count("SELECT count(*) FROM retail.order_items"));
    }

    @Test
    void dataHasARealisticShape() throws SQLException {
        double notPaid = ratio("SELECT count(*) FILTER (WHERE status <> 'paid') / count(*) FROM retail.orders");
        assertThat(notPaid).as("cancelled or refunded").isBetween(0.01, 0.10);

        double peakPerDay = ratio("SELECT count(*) / 61.0 FROM retail.orders WHERE year(order_date) = 2024"
                + " AND month(order_date) >= 11");
        double restPerDay = ratio("SELECT count(*) / 305.0 FROM retail.orders WHERE year(order_date) = 2024"
                + " AND month(order_date) < 11");
        assertThat(peakPerDay).as("November and December peak").isGreaterThan(1.25 * restPerDay);

        double weekend = ratio("SELECT count(*) FILTER (WHERE isodow(order_date) >= 6) / 2.0"
                + " / (count(*) FILTER (WHERE isodow(order_date) < 6) / 5.0) FROM retail.orders");
        assertThat(weekend).as("weekend over weekday volume").isGreaterThan(1.15);

        assertThat(ratio("SELECT count(*) FILTER (WHERE discount = 0) / count(*) FROM retail.order_items"))
                .as("most lines at full price")
                .isBetween(0.65, 0.95);
        assertThat(strings("SELECT DISTINCT discount::VARCHAR FROM retail.order_items WHERE discount > 0 ORDER BY 1"))
                .allSatisfy(discount ->
                        assertThat(new BigDecimal(discount)).isBetween(new BigDecimal("0.05"), new BigDecimal("0.30")));

        double storeSpread =
                ratio("SELECT max(n) / min(n) FROM (SELECT store_id, count(*) n FROM retail.orders GROUP BY 1)");
        assertThat(storeSpread).as("some stores do better").isGreaterThan(2);
        assertThat(ratio("SELECT avg(n) FROM (SELECT count(*) n FROM retail.order_items GROUP BY order_id)"))
                .isBetween(2.0, 2.5);
        assertThat(count("SELECT count(*) FROM retail.products WHERE unit_cost >= list_price OR unit_cost <= 0"))
                .isZero();
    }

    @Test
    void personalDataLooksLikeRealContactDetails() throws SQLException {
        assertThat(count("SELECT count(*) FROM retail.customers"
                        + " WHERE NOT regexp_full_match(email, '[a-z0-9._]+@([a-z]+\\.)?example\\.(com|cn|net|org)')"))
                .isZero();
        assertThat(count("SELECT count(*) FROM retail.customers WHERE NOT regexp_full_match(phone, '1[3-9][0-9]{9}')"))
                .isZero();
        assertThat(count("SELECT count(*) FROM retail.customers WHERE NOT regexp_full_match(customer_name,"
                        + " '\\p{Han}{2,3}')"))
                .isZero();
        assertThat(count("SELECT count(DISTINCT email) FROM retail.customers"))
                .isEqualTo(count("SELECT count(*) FROM retail.customers"));
    }

    // ---------------------------------------------------------------- arguments and values

    @Test
    void rejectsScalesOutsideTheSupportedRange() {
        for (double scale : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY, DemoRetail.MAX_SCALE * 2}) {
            assertThatThrownBy(() -> DemoRetail.generate(shared, SEED, scale))
                    .as("scale %s", scale)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void summaryKeepsTableOrderAndRejectsBadCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("retail.orders", 3L);
        counts.put("retail.customers", 1L);
        DemoSummary summary = new DemoSummary(1, 0.5, counts);
        counts.put("retail.stores", 9L);

        assertThat(summary.rowCounts().keySet()).containsExactly("retail.orders", "retail.customers");
        assertThat(summary.rowCount("retail.orders")).isEqualTo(3);
        assertThatThrownBy(() -> summary.rowCount("retail.stores")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DemoSummary(1, 1, Map.of("retail.orders", -1L)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DemoSummary(1, 0, Map.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void etlJobRejectsMissingParts() {
        assertThatThrownBy(() -> new EtlJob("Load Sales", "d", "SELECT 1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EtlJob("load_sales", " ", "SELECT 1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EtlJob("load_sales", "d", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EtlJob("load_sales", null, "SELECT 1")).isInstanceOf(NullPointerException.class);
    }

    // ---------------------------------------------------------------- helpers

    static Connection openDuckDb(String url) throws SQLException {
        Connection connection = DriverManager.getConnection(url);
        try (Statement statement = connection.createStatement()) {
            // Extensions download at run time, which fails offline: nothing here needs one.
            statement.execute("SET autoinstall_known_extensions = false");
            statement.execute("SET autoload_known_extensions = false");
        }
        return connection;
    }

    /** A SHA-256 of each retail table's rows in key order, every value as DuckDB renders it. */
    private static Map<String, String> digests(Connection connection) throws SQLException {
        Map<String, String> digests = new LinkedHashMap<>();
        for (Map.Entry<String, String> table : ORDER_KEYS.entrySet()) {
            MessageDigest digest = sha256();
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery(
                            "SELECT * FROM " + table.getKey() + " ORDER BY " + table.getValue())) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    for (int i = 1; i <= columns; i++) {
                        String value = rows.getString(i);
                        digest.update((value == null ? "\u0000" : value).getBytes(StandardCharsets.UTF_8));
                        digest.update((byte) (i == columns ? '\n' : '\u0001'));
                    }
                }
            }
            digests.put(table.getKey(), HexFormat.of().formatHex(digest.digest()));
        }
        return digests;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static List<String> tablesIn(Connection connection, String schema) throws SQLException {
        return strings(connection, "SELECT table_name FROM duckdb_tables() WHERE schema_name = '" + schema + "'");
    }

    private static List<String> columns(String schema, String table) throws SQLException {
        return strings("SELECT column_name FROM duckdb_columns() WHERE schema_name = '" + schema
                + "' AND table_name = '" + table + "' ORDER BY column_index");
    }

    private static List<String> strings(String sql) throws SQLException {
        return strings(shared, sql);
    }

    private static List<String> strings(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static long count(String sql) throws SQLException {
        try (Statement statement = shared.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).as("a row from %s", sql).isTrue();
            return rows.getLong(1);
        }
    }

    private static double ratio(String sql) throws SQLException {
        try (Statement statement = shared.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).as("a row from %s", sql).isTrue();
            return rows.getDouble(1);
        }
    }

    private static BigDecimal decimal(String sql) throws SQLException {
        try (Statement statement = shared.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).as("a row from %s", sql).isTrue();
            return rows.getBigDecimal(1);
        }
    }

    private static Map<String, String> orderedMap(String... keyThenValue) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyThenValue.length; i += 2) {
            map.put(keyThenValue[i], keyThenValue[i + 1]);
        }
        return map;
    }
}

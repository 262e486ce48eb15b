package io.zhongtai.crawlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.harvest.ColumnProfile;
import io.zhongtai.core.harvest.ColumnProfile.ValueCount;
import io.zhongtai.core.harvest.HarvestBatch;
import io.zhongtai.core.harvest.HarvestProgress;
import io.zhongtai.core.harvest.HarvestedColumn;
import io.zhongtai.core.harvest.HarvestedForeignKey;
import io.zhongtai.core.harvest.HarvestedIndex;
import io.zhongtai.core.harvest.HarvestedSchema;
import io.zhongtai.core.harvest.HarvestedTable;
import io.zhongtai.core.harvest.Harvester;
import io.zhongtai.core.harvest.TableKind;
import io.zhongtai.core.warehouse.CrawlSettings;
import io.zhongtai.core.warehouse.Dialect;
import io.zhongtai.core.warehouse.Warehouse;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every JDBC harvester must do, run against a real engine. Each dialect's test extends
 * it, says how to connect and how its engine spells the DDL (the hooks below), and declares
 * what its engine supports, as Trino's connector tests do.
 *
 * <p>The fixture: schema {@code shop} with {@code customers} (primary key, a unique index,
 * comments including a Chinese one, a Chinese column name, personal data in both languages,
 * known data for profiles), {@code orders} (foreign key, a two-column index),
 * {@code "OrderItems"} (quoted mixed-case names, composite key) and the view
 * {@code big_orders}; schema {@code audit} with {@code events} (a foreign key into
 * {@code shop}). Tests that change the database work in schemas of their own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AbstractHarvesterContractTest {
    /** The types the fixture declares; {@link #expectedType} says how the engine reports them. */
    protected enum DeclaredType {
        INTEGER,
        VARCHAR_100,
        DECIMAL_10_2,
        DATE
    }

    private HarvestBatch batch;
    private final List<HarvestProgress> progress = new ArrayList<>();

    // ---- what the dialect's test provides ----

    protected abstract Harvester harvester();

    protected abstract Dialect dialect();

    /** The URL the warehouse is registered with; harvests use {@link #connect()}. */
    protected abstract String jdbcUrl();

    /** A new connection with the rights to create the fixture; the harvests use it too. */
    protected abstract Connection connect() throws SQLException;

    /** How the engine reports a type the fixture declares. */
    protected abstract String expectedType(DeclaredType type);

    /** The name the engine stores for an unquoted lower-case name (H2 upper-cases it). */
    protected String stored(String unquoted) {
        return unquoted;
    }

    /** A schema of this test class; engines whose schemas are databases make it unique. */
    protected String schemaName(String base) {
        return base;
    }

    protected String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    protected String createSchema(String schema) {
        return "CREATE SCHEMA " + schema;
    }

    protected String dropSchema(String schema) {
        return "DROP SCHEMA IF EXISTS " + schema + " CASCADE";
    }

    protected String commentOnTable(String table, String comment) {
        return "COMMENT ON TABLE " + table + " IS '" + comment + "'";
    }

    /**
     * @param definition the column's type, for engines that restate it to comment (MySQL)
     */
    protected String commentOnColumn(String table, String column, String definition, String comment) {
        return "COMMENT ON COLUMN " + table + "." + column + " IS '" + comment + "'";
    }

    protected String renameTable(String schema, String from, String to) {
        return "ALTER TABLE " + schema + "." + from + " RENAME TO " + to;
    }

    /** Brings the engine's statistics up to date, so that estimated row counts are exact here. */
    protected void refreshStatistics(Statement statement, List<String> tables) throws SQLException {}

    /**
     * Creates a login that may read {@code readable} but not {@code unreadable} (both in
     * {@code schema}) and connects as it; empty where the engine has no users.
     */
    protected Optional<Connection> connectAsRestrictedUser(String schema, String readable, String unreadable) throws SQLException {
        return Optional.empty();
    }

    // ---- what the dialect supports ----

    protected boolean supportsMaterializedViews() {
        return false;
    }

    protected boolean supportsCrossSchemaForeignKeys() {
        return true;
    }

    protected boolean keepsForeignKeyNames() {
        return true;
    }

    protected boolean knowsViewSql() {
        return true;
    }

    protected boolean knowsRowCounts() {
        return true;
    }

    protected boolean knowsSizes() {
        return false;
    }

    // ---- the fixture ----

    @BeforeAll
    void createFixtureAndHarvest() throws SQLException {
        String shop = schemaName("shop");
        String audit = schemaName("audit");
        String customers = shop + ".customers";
        String orders = shop + ".orders";
        String items = shop + "." + quote("OrderItems");
        execute(
                dropSchema(audit),
                dropSchema(shop),
                createSchema(shop),
                createSchema(audit),
                "CREATE TABLE " + customers + " (customer_id INTEGER NOT NULL, customer_name VARCHAR(100) NOT NULL, "
                        + "email VARCHAR(100), phone VARCHAR(20), " + quote("身份证号") + " VARCHAR(18), "
                        + "status VARCHAR(20) DEFAULT 'active' NOT NULL, credit DECIMAL(10,2), joined DATE, "
                        + "PRIMARY KEY (customer_id))",
                commentOnTable(customers, "Customers of the shop"),
                commentOnColumn(customers, "phone", "VARCHAR(20)", "客户手机号"),
                commentOnColumn(customers, quote("身份证号"), "VARCHAR(18)", "身份证号码 (national ID number)"),
                "CREATE UNIQUE INDEX customers_email_uq ON " + customers + " (email)",
                "CREATE TABLE " + orders + " (order_id INTEGER NOT NULL, customer_id INTEGER NOT NULL, ordered_on DATE, "
                        + "amount DECIMAL(10,2), PRIMARY KEY (order_id), "
                        + "CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES " + customers + " (customer_id))",
                "CREATE INDEX orders_date_customer_ix ON " + orders + " (ordered_on, customer_id)",
                "CREATE TABLE " + items + " (" + quote("OrderId") + " INTEGER NOT NULL, " + quote("LineNo")
                        + " INTEGER NOT NULL, quantity INTEGER DEFAULT 1, PRIMARY KEY (" + quote("OrderId") + ", "
                        + quote("LineNo") + "), CONSTRAINT items_order_fk FOREIGN KEY (" + quote("OrderId")
                        + ") REFERENCES " + orders + " (order_id))",
                "CREATE VIEW " + shop + ".big_orders AS SELECT order_id, amount FROM " + orders + " WHERE amount > 100",
                "CREATE TABLE " + audit + ".events (event_id INTEGER NOT NULL, customer_id INTEGER, note VARCHAR(100), "
                        + "PRIMARY KEY (event_id)"
                        + (supportsCrossSchemaForeignKeys()
                                ? ", CONSTRAINT events_customer_fk FOREIGN KEY (customer_id) REFERENCES " + customers + " (customer_id)"
                                : "")
                        + ")",
                "INSERT INTO " + customers + " VALUES "
                        + "(1, 'Alice', 'alice@example.com', '13800000001', '110101199001011234', 'active', 10.50, DATE '2024-01-05'), "
                        + "(2, 'Bob', NULL, '13800000002', NULL, 'active', 20.00, DATE '2024-02-10'), "
                        + "(3, 'Carol', 'carol@example.com', NULL, NULL, 'inactive', NULL, DATE '2024-03-15'), "
                        + "(4, 'Dave', 'dave@example.com', '13800000004', NULL, 'active', 5.25, NULL)",
                "INSERT INTO " + orders + " VALUES (10, 1, DATE '2024-03-01', 150.00), (11, 1, DATE '2024-03-02', 80.00), "
                        + "(12, 2, DATE '2024-03-03', 300.00)",
                "INSERT INTO " + items + " VALUES (10, 1, 2), (10, 2, 1), (12, 1, 5)",
                "INSERT INTO " + audit + ".events VALUES (100, 1, 'login')");
        if (supportsMaterializedViews()) {
            execute("CREATE MATERIALIZED VIEW " + shop + ".customer_status AS SELECT status, count(*) AS customers FROM "
                    + customers + " GROUP BY status");
        }
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            refreshStatistics(statement, List.of(customers, orders, items, audit + ".events"));
        }
        batch = harvest(CrawlSettings.DEFAULT, progress::add);
    }

    // ---- the tests ----

    @Test
    void readsSchemasTablesViewsAndTheirKinds() {
        assertThat(batch.warehouse()).isEqualTo("contract");
        assertThat(batch.schemas()).extracting(HarvestedSchema::name).contains(schemaName("shop"), schemaName("audit"));
        assertThat(batch.schemas()).extracting(schema -> schema.name().toLowerCase(Locale.ROOT))
                .doesNotContain("information_schema", "pg_catalog", "mysql", "performance_schema", "sys");
        List<String> shopTables = schema(batch, "shop").tables().stream().map(HarvestedTable::name).toList();
        assertThat(shopTables).contains(stored("customers"), stored("orders"), "OrderItems", stored("big_orders"));
        assertThat(table(batch, "shop", stored("customers")).kind()).isEqualTo(TableKind.TABLE);
        HarvestedTable view = table(batch, "shop", stored("big_orders"));
        assertThat(view.kind()).isEqualTo(TableKind.VIEW);
        assertThat(view.columns()).extracting(HarvestedColumn::name).containsExactly(stored("order_id"), stored("amount"));
        if (knowsViewSql()) {
            assertThat(view.viewSql()).contains("100");
        } else {
            assertThat(view.viewSql()).isNull();
        }
        assertThat(batch.unread()).isEmpty();
    }

    @Test
    void readsMaterializedViewsWithTheirQuery() {
        assumeThat(supportsMaterializedViews()).as("engine has materialized views").isTrue();
        HarvestedTable status = table(batch, "shop", stored("customer_status"));
        assertThat(status.kind()).isEqualTo(TableKind.MATERIALIZED_VIEW);
        assertThat(status.viewSql()).containsIgnoringCase("group by");
        assertThat(status.columns()).extracting(HarvestedColumn::name).containsExactly(stored("status"), stored("customers"));
        assertThat(status.rowCount()).isEqualTo(2);
    }

    @Test
    void readsColumnTypesNullabilityPositionsDefaultsAndComments() {
        HarvestedTable customers = table(batch, "shop", stored("customers"));
        assertThat(customers.columns()).extracting(HarvestedColumn::name).containsExactly(
                stored("customer_id"), stored("customer_name"), stored("email"), stored("phone"), "身份证号",
                stored("status"), stored("credit"), stored("joined"));
        assertThat(customers.columns()).extracting(HarvestedColumn::position).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(column(customers, "customer_id").dataType()).isEqualTo(expectedType(DeclaredType.INTEGER));
        assertThat(column(customers, "customer_name").dataType()).isEqualTo(expectedType(DeclaredType.VARCHAR_100));
        assertThat(column(customers, "credit").dataType()).isEqualTo(expectedType(DeclaredType.DECIMAL_10_2));
        assertThat(column(customers, "joined").dataType()).isEqualTo(expectedType(DeclaredType.DATE));
        assertThat(column(customers, "customer_id").nullable()).isFalse();
        assertThat(column(customers, "customer_name").nullable()).isFalse();
        assertThat(column(customers, "email").nullable()).isTrue();
        assertThat(column(customers, "status").defaultValue()).contains("active");
        assertThat(column(customers, "email").defaultValue()).isNull();
        assertThat(customers.description()).isEqualTo("Customers of the shop");
        assertThat(column(customers, "phone").description()).isEqualTo("客户手机号");
        assertThat(customers.columns().get(4).description()).isEqualTo("身份证号码 (national ID number)");
        assertThat(column(customers, "email").description()).isNull();
        assertThat(table(batch, "shop", stored("orders")).description()).isNull();
    }

    @Test
    void keepsQuotedMixedCaseNamesExactly() {
        HarvestedTable items = table(batch, "shop", "OrderItems");
        assertThat(items.columns()).extracting(HarvestedColumn::name).containsExactly("OrderId", "LineNo", stored("quantity"));
        assertThat(items.primaryKey()).containsExactly("OrderId", "LineNo");
        assertThat(items.columns().get(2).defaultValue()).isEqualTo("1");
        assertThat(items.foreignKeys()).singleElement().satisfies(key -> {
            assertThat(key.columns()).containsExactly("OrderId");
            assertThat(key.referencedTable()).isEqualTo(stored("orders"));
            assertThat(key.referencedColumns()).containsExactly(stored("order_id"));
        });
    }

    @Test
    void readsPrimaryAndForeignKeysWithTheReferencedSchema() {
        HarvestedTable orders = table(batch, "shop", stored("orders"));
        assertThat(table(batch, "shop", stored("customers")).primaryKey()).containsExactly(stored("customer_id"));
        assertThat(orders.primaryKey()).containsExactly(stored("order_id"));
        HarvestedForeignKey toCustomers = orders.foreignKeys().get(0);
        assertThat(orders.foreignKeys()).hasSize(1);
        assertThat(toCustomers.columns()).containsExactly(stored("customer_id"));
        assertThat(toCustomers.referencedSchema()).isEqualTo(schemaName("shop"));
        assertThat(toCustomers.referencedTable()).isEqualTo(stored("customers"));
        assertThat(toCustomers.referencedColumns()).containsExactly(stored("customer_id"));
        if (keepsForeignKeyNames()) {
            assertThat(toCustomers.name()).isEqualTo(stored("orders_customer_fk"));
        }
        if (supportsCrossSchemaForeignKeys()) {
            assertThat(table(batch, "audit", stored("events")).foreignKeys()).singleElement().satisfies(key -> {
                assertThat(key.referencedSchema()).isEqualTo(schemaName("shop"));
                assertThat(key.referencedTable()).isEqualTo(stored("customers"));
            });
        }
    }

    @Test
    void readsIndexesWithTheirColumnsInOrderButNotThePrimaryKeys() {
        HarvestedTable customers = table(batch, "shop", stored("customers"));
        HarvestedTable orders = table(batch, "shop", stored("orders"));
        assertThat(customers.indexes()).contains(new HarvestedIndex(stored("customers_email_uq"), List.of(stored("email")), true));
        assertThat(orders.indexes()).contains(new HarvestedIndex(
                stored("orders_date_customer_ix"), List.of(stored("ordered_on"), stored("customer_id")), false));
        for (HarvestedTable table : List.of(customers, orders, table(batch, "shop", "OrderItems"))) {
            assertThat(table.indexes()).noneMatch(index -> index.unique() && index.columns().equals(table.primaryKey()));
        }
    }

    @Test
    void readsRowCountsAndSizesWhereTheEngineKnowsThem() {
        HarvestedTable customers = table(batch, "shop", stored("customers"));
        if (knowsRowCounts()) {
            assertThat(customers.rowCount()).isEqualTo(4);
            assertThat(table(batch, "shop", stored("orders")).rowCount()).isEqualTo(3);
            assertThat(table(batch, "shop", "OrderItems").rowCount()).isEqualTo(3);
        } else {
            assertThat(customers.rowCount()).isNull();
        }
        if (knowsSizes()) {
            assertThat(customers.sizeBytes()).isPositive();
        } else {
            assertThat(customers.sizeBytes()).isNull();
        }
        assertThat(table(batch, "shop", stored("big_orders")).rowCount()).isNull();
    }

    @Test
    void reportsProgressUpToEveryTable() {
        assertThat(progress.get(0).done()).isZero();
        HarvestProgress last = progress.get(progress.size() - 1);
        assertThat(last.done()).isEqualTo(last.total()).isEqualTo(batch.tableCount());
    }

    @Test
    void leavesProfilesOutUnlessAsked() {
        assertThat(batch.schemas()).flatMap(HarvestedSchema::tables).flatMap(HarvestedTable::columns)
                .allSatisfy(column -> assertThat(column.profile()).isNull());
    }

    @Test
    void profilesColumnsFromASample() throws SQLException {
        HarvestBatch profiled = harvest(settings(List.of(), List.of(), List.of("*.customers"), List.of(), true, 100), p -> {});
        HarvestedTable customers = table(profiled, "shop", stored("customers"));

        ColumnProfile status = column(customers, "status").profile();
        assertThat(status.sampledRows()).isEqualTo(4);
        assertThat(status.nullFraction()).isZero();
        assertThat(status.distinctCount()).isEqualTo(2);
        assertThat(status.min()).isEqualTo("active");
        assertThat(status.max()).isEqualTo("inactive");
        assertThat(status.topValues()).containsExactly(new ValueCount("active", 3), new ValueCount("inactive", 1));

        ColumnProfile email = column(customers, "email").profile();
        assertThat(email.nullFraction()).isEqualTo(0.25);
        assertThat(email.distinctCount()).isEqualTo(3);
        assertThat(email.topValues()).as("all distinct: nothing to learn, personal data to leak").isEmpty();

        ColumnProfile credit = column(customers, "credit").profile();
        assertThat(credit.nullFraction()).isEqualTo(0.25);
        assertThat(new BigDecimal(credit.min())).isEqualByComparingTo("5.25");
        assertThat(new BigDecimal(credit.max())).isEqualByComparingTo("20");

        ColumnProfile joined = column(customers, "joined").profile();
        assertThat(joined.min()).startsWith("2024-01-05");
        assertThat(joined.max()).startsWith("2024-03-15");
        assertThat(column(customers, "customer_id").profile().distinctCount()).isEqualTo(4);
        assertThat(customers.columns().get(4).profile().nullFraction()).isEqualTo(0.75);

        HarvestBatch sampled = harvest(settings(List.of(), List.of(), List.of("*.customers"), List.of(), true, 2), p -> {});
        assertThat(column(table(sampled, "shop", stored("customers")), "status").profile().sampledRows()).isEqualTo(2);
    }

    @Test
    void includeAndExcludePatternsChooseSchemasAndTables() throws SQLException {
        String shop = schemaName("shop");
        String audit = schemaName("audit");
        assertThat(harvest(settings(List.of(shop.substring(0, shop.length() - 2) + "*"), List.of(), List.of(), List.of(), false, 1), p -> {})
                        .schemas())
                .extracting(HarvestedSchema::name).contains(shop).doesNotContain(audit);
        assertThat(harvest(settings(List.of(), List.of(audit.toUpperCase(Locale.ROOT)), List.of(), List.of(), false, 1), p -> {})
                        .schemas())
                .extracting(HarvestedSchema::name).contains(shop).doesNotContain(audit);

        HarvestBatch included = harvest(settings(List.of(shop, audit), List.of(), List.of("*.customers", "events"), List.of(), false, 1), p -> {});
        assertThat(included.schemas()).flatMap(HarvestedSchema::tables).extracting(HarvestedTable::name)
                .containsExactlyInAnyOrder(stored("customers"), stored("events"));

        HarvestBatch excluded = harvest(settings(List.of(shop), List.of(), List.of(), List.of("*items", "big_*"), false, 1), p -> {});
        assertThat(schema(excluded, "shop").tables()).extracting(HarvestedTable::name)
                .contains(stored("customers"), stored("orders"))
                .doesNotContain("OrderItems", stored("big_orders"));
    }

    @Test
    void aSecondHarvestSeesARenamedTableAndADroppedColumn() throws SQLException {
        String churn = schemaName("churn");
        try {
            execute(createSchema(churn),
                    "CREATE TABLE " + churn + ".people (id INTEGER NOT NULL, full_name VARCHAR(50), nickname VARCHAR(50), "
                            + "age INTEGER, PRIMARY KEY (id))");
            CrawlSettings onlyChurn = settings(List.of(churn), List.of(), List.of(), List.of(), false, 1);
            HarvestedTable before = schema(harvest(onlyChurn, p -> {}), "churn").tables().get(0);
            assertThat(before.name()).isEqualTo(stored("people"));
            assertThat(before.columns()).extracting(HarvestedColumn::name)
                    .containsExactly(stored("id"), stored("full_name"), stored("nickname"), stored("age"));

            execute(renameTable(churn, "people", "persons"), "ALTER TABLE " + churn + ".persons DROP COLUMN nickname");

            HarvestedSchema after = schema(harvest(onlyChurn, p -> {}), "churn");
            assertThat(after.tables()).extracting(HarvestedTable::name).containsExactly(stored("persons"));
            assertThat(after.tables().get(0).columns()).extracting(HarvestedColumn::name, HarvestedColumn::position)
                    .containsExactly(
                            tuple(stored("id"), 1),
                            tuple(stored("full_name"), 2),
                            tuple(stored("age"), 3));
        } finally {
            execute(dropSchema(churn));
        }
    }

    @Test
    void aTableDroppedDuringTheCrawlIsUnreadAndTheCrawlGoesOn() throws SQLException {
        String doomed = schemaName("doomed");
        try (Connection connection = connect()) {
            execute(createSchema(doomed),
                    "CREATE TABLE " + doomed + ".kept (id INTEGER)",
                    "CREATE TABLE " + doomed + ".vanishing (id INTEGER)",
                    "INSERT INTO " + doomed + ".kept VALUES (1)");
            CrawlSettings profiled = settings(List.of(doomed), List.of(), List.of(), List.of(), true, 10);
            Consumer<HarvestProgress> dropOnceCatalogIsRead = p -> {
                if (p.done() == 0) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("DROP TABLE " + doomed + ".vanishing");
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }
            };
            HarvestBatch harvested = harvester().harvest(warehouse(profiled), connection, dropOnceCatalogIsRead);

            String vanishing = doomed + "." + stored("vanishing");
            assertThat(harvested.unread()).containsExactly(vanishing);
            assertThat(harvested.warnings()).singleElement().asString().startsWith(vanishing);
            assertThat(schema(harvested, "doomed").tables()).extracting(HarvestedTable::name).containsExactly(stored("kept"));
            assertThat(schema(harvested, "doomed").tables().get(0).columns().get(0).profile().sampledRows()).isEqualTo(1);
        } finally {
            execute(dropSchema(doomed));
        }
    }

    @Test
    void aTableTheLoginMayNotReadIsUnreadAndTheCrawlGoesOn() throws SQLException {
        String restricted = schemaName("restricted");
        try {
            execute(createSchema(restricted),
                    "CREATE TABLE " + restricted + ".open_data (id INTEGER)",
                    "CREATE TABLE " + restricted + ".secrets (id INTEGER)",
                    "INSERT INTO " + restricted + ".open_data VALUES (1)");
            Optional<Connection> login = connectAsRestrictedUser(restricted, "open_data", "secrets");
            assumeThat(login).as("engine has logins with table rights").isPresent();
            try (Connection connection = login.get()) {
                CrawlSettings profiled = settings(List.of(restricted), List.of(), List.of(), List.of(), true, 10);
                HarvestBatch harvested = harvester().harvest(warehouse(profiled), connection, p -> {});
                assertThat(harvested.unread()).containsExactly(restricted + "." + stored("secrets"));
                assertThat(harvested.warnings()).hasSize(1);
                assertThat(schema(harvested, "restricted").tables()).extracting(HarvestedTable::name)
                        .containsExactly(stored("open_data"));
            }
        } finally {
            execute(dropSchema(restricted));
        }
    }

    @Test
    void aBrokenConnectionFailsTheHarvestNamingTheWarehouse() throws SQLException {
        Connection closed = connect();
        closed.close();
        assertThatThrownBy(() -> harvester().harvest(warehouse(CrawlSettings.DEFAULT), closed, p -> {}))
                .isInstanceOfSatisfying(CatalogException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.WAREHOUSE_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("'contract'");
                });
    }

    // ---- helpers ----

    protected final void execute(String... statements) throws SQLException {
        try (Connection connection = connect()) {
            for (String sql : statements) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(sql);
                } catch (SQLException e) {
                    throw new SQLException(e.getMessage() + " [in: " + sql + "]", e.getSQLState(), e);
                }
            }
        }
    }

    private HarvestBatch harvest(CrawlSettings settings, Consumer<HarvestProgress> progress) throws SQLException {
        try (Connection connection = connect()) {
            return harvester().harvest(warehouse(settings), connection, progress);
        }
    }

    private Warehouse warehouse(CrawlSettings settings) {
        return new Warehouse("contract", jdbcUrl(), null, null, dialect(), settings, null, null, null);
    }

    private static CrawlSettings settings(
            List<String> includeSchemas,
            List<String> excludeSchemas,
            List<String> includeTables,
            List<String> excludeTables,
            boolean profile,
            int sampleRows) {
        return new CrawlSettings(
                includeSchemas, excludeSchemas, includeTables, excludeTables, profile, sampleRows, CrawlSettings.DEFAULT_MAX_REMOVAL_SHARE);
    }

    private HarvestedSchema schema(HarvestBatch harvested, String base) {
        String name = schemaName(base);
        return harvested.schemas().stream()
                .filter(schema -> schema.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no schema " + name + " in " + harvested.schemas().stream().map(HarvestedSchema::name).toList()));
    }

    private HarvestedTable table(HarvestBatch harvested, String schemaBase, String name) {
        return schema(harvested, schemaBase).tables().stream()
                .filter(table -> table.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no table " + name + " in " + schemaName(schemaBase)));
    }

    private HarvestedColumn column(HarvestedTable table, String unquoted) {
        String name = stored(unquoted);
        return table.columns().stream()
                .filter(column -> column.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no column " + name + " in " + table.name()));
    }
}

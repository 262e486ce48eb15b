package io.zhongtai.metrics.testing;

import io.zhongtai.metrics.model.Relation;
import io.zhongtai.metrics.model.SemanticManifest;
import io.zhongtai.metrics.model.SemanticModel;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Copies the demo's retail tables from the test DuckDB into another engine (PostgreSQL, MariaDB,
 * H2), so the same metrics run on the same rows there. Inventory is copied for a few stores and
 * products only: it does not scale down with the demo.
 */
public final class DemoCopy {
    /** Each table with portable column definitions, in load order. */
    private static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("regions", "region_id INTEGER PRIMARY KEY, region_name VARCHAR(40), region_name_zh VARCHAR(40)");
        TABLES.put("stores", "store_id INTEGER PRIMARY KEY, store_name VARCHAR(100), city VARCHAR(60), region_id INTEGER,"
                + " store_type VARCHAR(20), opened_date DATE");
        TABLES.put("customers", "customer_id INTEGER PRIMARY KEY, customer_name VARCHAR(100), gender VARCHAR(1), birth_year INTEGER,"
                + " city VARCHAR(60), segment VARCHAR(20), signup_date DATE, email VARCHAR(100), phone VARCHAR(40)");
        TABLES.put("products", "product_id INTEGER PRIMARY KEY, product_name VARCHAR(200), category VARCHAR(40), category_zh VARCHAR(40),"
                + " brand VARCHAR(60), unit_cost DECIMAL(10,2), list_price DECIMAL(10,2)");
        TABLES.put("orders", "order_id BIGINT PRIMARY KEY, customer_id INTEGER, store_id INTEGER, order_date DATE, status VARCHAR(20),"
                + " channel VARCHAR(20)");
        TABLES.put("order_items", "order_id BIGINT, line_no INTEGER, product_id INTEGER, quantity INTEGER,"
                + " unit_price DECIMAL(10,2), discount DECIMAL(4,3), PRIMARY KEY (order_id, line_no)");
        TABLES.put("inventory_snapshots", "snapshot_date DATE, store_id INTEGER, product_id INTEGER, on_hand_qty INTEGER");
        TABLES.put("customer_feedback", "feedback_id BIGINT PRIMARY KEY, order_id BIGINT, customer_id INTEGER, rating INTEGER,"
                + " comment VARCHAR(1000), created_at DATE");
    }

    /** The inventory rows copied. */
    public static final String INVENTORY_SUBSET = "store_id <= 3 AND product_id <= 40";

    private DemoCopy() {}

    /**
     * Creates the tables in {@code schema} of {@code target} (the schema must exist) and copies the rows.
     *
     * @param quote the identifier quote of the target
     */
    public static void copy(Connection target, String schema) throws SQLException {
        Connection source = DemoDuckDb.connector().connect("demo");
        try (source) {
            target.setAutoCommit(false);
            for (Map.Entry<String, String> table : TABLES.entrySet()) {
                String name = schema + "." + table.getKey();
                try (Statement statement = target.createStatement()) {
                    statement.execute("CREATE TABLE " + name + " (" + table.getValue() + ")");
                }
                String where = table.getKey().equals("inventory_snapshots") ? " WHERE " + INVENTORY_SUBSET : "";
                int columns = table.getValue().replaceAll(", PRIMARY KEY \\(.*\\)", "").split(",\\s*(?=[a-z_]+ [A-Z])").length;
                String placeholders = "?" + ", ?".repeat(columns - 1);
                try (Statement read = source.createStatement();
                        ResultSet rows = read.executeQuery("SELECT * FROM retail." + table.getKey() + where);
                        PreparedStatement insert = target.prepareStatement(
                                "INSERT INTO " + name + " VALUES (" + placeholders + ")")) {
                    int pending = 0;
                    while (rows.next()) {
                        for (int i = 1; i <= columns; i++) {
                            Object value = rows.getObject(i);
                            if (value instanceof java.time.LocalDate date) {
                                insert.setDate(i, java.sql.Date.valueOf(date));
                            } else {
                                insert.setObject(i, value);
                            }
                        }
                        insert.addBatch();
                        if (++pending == 2000) {
                            insert.executeBatch();
                            pending = 0;
                        }
                    }
                    if (pending > 0) {
                        insert.executeBatch();
                    }
                }
            }
            try (Statement statement = target.createStatement()) {
                statement.execute("CREATE INDEX inventory_store ON " + schema + ".inventory_snapshots (store_id, product_id)");
                statement.execute("CREATE INDEX feedback_order ON " + schema + ".customer_feedback (order_id)");
                statement.execute("CREATE INDEX items_product ON " + schema + ".order_items (product_id)");
            }
            target.commit();
            target.setAutoCommit(true);
        }
    }

    /** The demo's definitions with every table in {@code schema} instead of {@code retail}. */
    public static SemanticManifest inSchema(SemanticManifest manifest, String schema) {
        return new SemanticManifest(manifest.models().stream().map(m -> new SemanticModel(m.name(), m.description(),
                m.warehouse(), new Relation(schema, m.relation().table()), m.defaultTimeDimension(), m.entities(),
                m.dimensions(), m.measures())).toList(), manifest.metrics(), manifest.policies());
    }
}

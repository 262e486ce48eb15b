package io.zhongtai.metrics.testing;

import java.util.Map;
import java.util.Set;

/**
 * Hand-written SQL for the demo's metrics, the oracle the compiled SQL is compared with. Written
 * independently of the compiler: every dimension table inner-joined at once, bucket dates built
 * from date parts, ratios from two separate queries joined on the group, year-over-year by a
 * self-join. One group-by expression at most ({@code g}), or none.
 *
 * <p>Table aliases: o orders, oi order_items, s stores, r regions, p products, c customers,
 * f customer_feedback, i inventory_snapshots.
 */
public final class HandWrittenSql {
    /** The expression of each demo dimension over the aliases above. */
    public static final Map<String, String> DIMENSIONS = Map.ofEntries(
            Map.entry("region", "r.region_name"),
            Map.entry("city", "s.city"),
            Map.entry("store", "s.store_name"),
            Map.entry("store_type", "s.store_type"),
            Map.entry("channel", "o.channel"),
            Map.entry("order_status", "o.status"),
            Map.entry("category", "p.category"),
            Map.entry("brand", "p.brand"),
            Map.entry("product", "p.product_name"),
            Map.entry("customer_segment", "c.segment"),
            Map.entry("gender", "c.gender"),
            Map.entry("order_date", "o.order_date"),
            Map.entry("created_at", "f.created_at"),
            Map.entry("snapshot_date", "i.snapshot_date"));

    private static final Set<String> PRODUCT_DIMENSIONS = Set.of("category", "brand", "product");

    /** SQL date functions of one engine, written without DATE_TRUNC on purpose. */
    public interface Dates {
        String bucket(String date, String grain);

        String minusYear(String date);

        String toDouble(String value);
    }

    public static final Dates DUCKDB = new Dates() {
        @Override
        public String bucket(String date, String grain) {
            return switch (grain) {
                case "day" -> date;
                case "week" -> "(" + date + " - CAST(isodow(" + date + ") - 1 AS INTEGER))";
                case "month" -> "make_date(year(" + date + "), month(" + date + "), 1)";
                case "quarter" -> "make_date(year(" + date + "), (quarter(" + date + ") - 1) * 3 + 1, 1)";
                case "year" -> "make_date(year(" + date + "), 1, 1)";
                default -> throw new IllegalArgumentException(grain);
            };
        }

        @Override
        public String minusYear(String date) {
            return "CAST(" + date + " - INTERVAL 1 YEAR AS DATE)";
        }

        @Override
        public String toDouble(String value) {
            return "CAST(" + value + " AS DOUBLE)";
        }
    };

    public static final Dates POSTGRES = new Dates() {
        @Override
        public String bucket(String date, String grain) {
            return switch (grain) {
                case "day" -> date;
                case "week" -> "(" + date + " - (EXTRACT(ISODOW FROM " + date + ")::int - 1))";
                case "month" -> "make_date(EXTRACT(YEAR FROM " + date + ")::int, EXTRACT(MONTH FROM " + date + ")::int, 1)";
                case "quarter" -> "make_date(EXTRACT(YEAR FROM " + date + ")::int, (EXTRACT(QUARTER FROM " + date
                        + ")::int - 1) * 3 + 1, 1)";
                case "year" -> "make_date(EXTRACT(YEAR FROM " + date + ")::int, 1, 1)";
                default -> throw new IllegalArgumentException(grain);
            };
        }

        @Override
        public String minusYear(String date) {
            return "CAST(" + date + " - INTERVAL '1 year' AS DATE)";
        }

        @Override
        public String toDouble(String value) {
            return "CAST(" + value + " AS DOUBLE PRECISION)";
        }
    };

    public static final Dates MARIADB = new Dates() {
        @Override
        public String bucket(String date, String grain) {
            return switch (grain) {
                case "day" -> date;
                case "week" -> "DATE_SUB(" + date + ", INTERVAL WEEKDAY(" + date + ") DAY)";
                case "month" -> "STR_TO_DATE(CONCAT(YEAR(" + date + "), '-', MONTH(" + date + "), '-01'), '%Y-%c-%d')";
                case "quarter" -> "STR_TO_DATE(CONCAT(YEAR(" + date + "), '-', (QUARTER(" + date
                        + ") - 1) * 3 + 1, '-01'), '%Y-%c-%d')";
                case "year" -> "STR_TO_DATE(CONCAT(YEAR(" + date + "), '-01-01'), '%Y-%m-%d')";
                default -> throw new IllegalArgumentException(grain);
            };
        }

        @Override
        public String minusYear(String date) {
            return "DATE_SUB(" + date + ", INTERVAL 1 YEAR)";
        }

        @Override
        public String toDouble(String value) {
            return "(" + value + ") * 1e0";
        }
    };

    public static final Dates H2 = new Dates() {
        @Override
        public String bucket(String date, String grain) {
            return switch (grain) {
                case "day" -> date;
                case "week" -> "DATEADD(DAY, 1 - EXTRACT(ISO_DAY_OF_WEEK FROM " + date + "), " + date + ")";
                case "month" -> "DATEADD(DAY, 1 - EXTRACT(DAY FROM " + date + "), " + date + ")";
                case "quarter" -> "DATEADD(MONTH, -MOD(EXTRACT(MONTH FROM " + date + ") - 1, 3), DATEADD(DAY, 1 - EXTRACT(DAY"
                        + " FROM " + date + "), " + date + "))";
                case "year" -> "DATEADD(DAY, 1 - EXTRACT(DAY_OF_YEAR FROM " + date + "), " + date + ")";
                default -> throw new IllegalArgumentException(grain);
            };
        }

        @Override
        public String minusYear(String date) {
            return "DATEADD(YEAR, -1, " + date + ")";
        }

        @Override
        public String toDouble(String value) {
            return "CAST(" + value + " AS DOUBLE PRECISION)";
        }
    };

    private final Dates dates;
    private final String schema;

    public HandWrittenSql(Dates dates, String schema) {
        this.dates = dates;
        this.schema = schema;
    }

    private String t(String table) {
        return schema + "." + table;
    }

    /**
     * The metric grouped by {@code dimension} ({@code region}, {@code metric_time__month}), or
     * ungrouped when null; first column the group (when any), last the value.
     */
    public String sql(String metric, String dimension) {
        return switch (metric) {
            case "gmv" -> items(dimension, "SUM(oi.quantity * oi.unit_price * (1 - oi.discount))", "o.order_date");
            case "units_sold" -> items(dimension, "SUM(oi.quantity)", "o.order_date");
            case "gross_profit" -> items(dimension, "SUM(oi.quantity * (oi.unit_price * (1 - oi.discount) - p.unit_cost))",
                    "o.order_date");
            case "gross_margin" -> items(dimension, dates.toDouble("SUM(oi.quantity * (oi.unit_price * (1 - oi.discount)"
                    + " - p.unit_cost))") + " / SUM(oi.quantity * oi.unit_price * (1 - oi.discount))", "o.order_date");
            case "order_count" -> orders(dimension, "COUNT(DISTINCT o.order_id)", true);
            case "active_customers" -> orders(dimension, "COUNT(DISTINCT o.customer_id)", true);
            case "refund_rate" -> orders(dimension, dates.toDouble("COUNT(DISTINCT CASE WHEN o.status = 'refunded' THEN"
                    + " o.order_id END)") + " / COUNT(DISTINCT o.order_id)", false);
            case "avg_order_value" -> ratio(sql("gmv", dimension), sql("order_count", dimension), dimension != null);
            case "avg_rating" -> feedback(dimension);
            case "inventory_on_hand" -> inventory(dimension);
            case "gmv_yoy" -> yearOverYear(dimension);
            default -> throw new IllegalArgumentException(metric);
        };
    }

    private String group(String dimension, String timeColumn) {
        if (dimension == null) {
            return null;
        }
        if (dimension.startsWith("metric_time__")) {
            return dates.bucket(timeColumn, dimension.substring("metric_time__".length()));
        }
        String expr = DIMENSIONS.get(dimension);
        if (expr == null) {
            throw new IllegalArgumentException(dimension);
        }
        return expr;
    }

    private static String select(String group, String value, String from, String where) {
        if (group == null) {
            return "SELECT " + value + " AS v FROM " + from + (where == null ? "" : " WHERE " + where);
        }
        return "SELECT " + group + " AS g, " + value + " AS v FROM " + from + (where == null ? "" : " WHERE " + where)
                + " GROUP BY " + group;
    }

    private String items(String dimension, String value, String timeColumn) {
        String from = t("order_items") + " oi JOIN " + t("orders") + " o ON oi.order_id = o.order_id"
                + " JOIN " + t("stores") + " s ON o.store_id = s.store_id"
                + " JOIN " + t("regions") + " r ON s.region_id = r.region_id"
                + " JOIN " + t("products") + " p ON oi.product_id = p.product_id"
                + " JOIN " + t("customers") + " c ON o.customer_id = c.customer_id";
        return select(group(dimension, timeColumn), value, from, "o.status = 'paid'");
    }

    private String orders(String dimension, String value, boolean paidOnly) {
        String from = t("orders") + " o JOIN " + t("stores") + " s ON o.store_id = s.store_id"
                + " JOIN " + t("regions") + " r ON s.region_id = r.region_id"
                + " JOIN " + t("customers") + " c ON o.customer_id = c.customer_id";
        if (dimension != null && PRODUCT_DIMENSIONS.contains(dimension)) {
            // an order counts once under each product value it holds
            from += " JOIN " + t("order_items") + " oi ON oi.order_id = o.order_id"
                    + " JOIN " + t("products") + " p ON oi.product_id = p.product_id";
        }
        return select(group(dimension, "o.order_date"), value, from, paidOnly ? "o.status = 'paid'" : null);
    }

    private String feedback(String dimension) {
        String from = t("customer_feedback") + " f JOIN " + t("orders") + " o ON f.order_id = o.order_id"
                + " JOIN " + t("stores") + " s ON o.store_id = s.store_id"
                + " JOIN " + t("regions") + " r ON s.region_id = r.region_id"
                + " JOIN " + t("customers") + " c ON f.customer_id = c.customer_id";
        return select(group(dimension, "f.created_at"), "AVG(" + dates.toDouble("f.rating") + ")", from, null);
    }

    private String inventory(String dimension) {
        String from = t("inventory_snapshots") + " i JOIN " + t("stores") + " s ON i.store_id = s.store_id"
                + " JOIN " + t("regions") + " r ON s.region_id = r.region_id"
                + " JOIN " + t("products") + " p ON i.product_id = p.product_id";
        if ("snapshot_date".equals(dimension)) {
            dimension = "metric_time__day";
        }
        if (dimension != null && dimension.startsWith("metric_time__")) {
            String bucket = dates.bucket("x.snapshot_date", dimension.substring("metric_time__".length()));
            String last = "(SELECT " + bucket + " AS b, MAX(x.snapshot_date) AS d FROM " + t("inventory_snapshots")
                    + " x GROUP BY " + bucket + ")";
            return "SELECT l.b AS g, SUM(i.on_hand_qty) FROM " + from + " JOIN " + last + " l ON i.snapshot_date = l.d"
                    + " GROUP BY l.b";
        }
        String where = "i.snapshot_date = (SELECT MAX(snapshot_date) FROM " + t("inventory_snapshots") + ")";
        return select(group(dimension, "i.snapshot_date"), "SUM(i.on_hand_qty)", from, where);
    }

    private String ratio(String numerator, String denominator, boolean grouped) {
        if (!grouped) {
            return "SELECT " + dates.toDouble("n.v") + " / d.v FROM (" + numerator + ") n, (" + denominator + ") d";
        }
        return "SELECT n.g, " + dates.toDouble("n.v") + " / d.v FROM (" + numerator + ") n JOIN (" + denominator
                + ") d ON n.g = d.g";
    }

    private String yearOverYear(String dimension) {
        if (dimension == null || !dimension.startsWith("metric_time__")) {
            throw new IllegalArgumentException("gmv_yoy needs a grain here");
        }
        String grain = dimension.substring("metric_time__".length());
        String gmv = "SUM(oi.quantity * oi.unit_price * (1 - oi.discount))";
        String from = t("order_items") + " oi JOIN " + t("orders") + " o ON oi.order_id = o.order_id";
        if (grain.equals("week")) {
            // the same dates one year back: the week's seven days, each moved back a year
            String current = "SELECT " + dates.bucket("o.order_date", "week") + " AS b, " + gmv + " AS v FROM " + from
                    + " WHERE o.status = 'paid' GROUP BY " + dates.bucket("o.order_date", "week");
            return "SELECT cur.b, " + dates.toDouble("cur.v - (SELECT " + gmv + " FROM " + from + " WHERE o.status = 'paid'"
                    + " AND o.order_date >= " + dates.minusYear("cur.b") + " AND o.order_date <= "
                    + dates.minusYear("cur.b + 6") + ")") + " / (SELECT " + gmv + " FROM " + from
                    + " WHERE o.status = 'paid' AND o.order_date >= " + dates.minusYear("cur.b")
                    + " AND o.order_date <= " + dates.minusYear("cur.b + 6") + ") FROM (" + current + ") cur";
        }
        String bucket = dates.bucket("o.order_date", grain);
        String byBucket = "SELECT " + bucket + " AS b, " + gmv + " AS v FROM " + from + " WHERE o.status = 'paid' GROUP BY "
                + bucket;
        return "SELECT cur.b, " + dates.toDouble("cur.v - prev.v") + " / prev.v FROM (" + byBucket + ") cur LEFT JOIN ("
                + byBucket + ") prev ON prev.b = " + dates.minusYear("cur.b");
    }
}

package io.zhongtai.metrics.compile.dialect;

import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.warehouse.Dialect;
import io.zhongtai.metrics.model.TimeGrain;
import java.util.Locale;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.dialect.AnsiSqlDialect;
import org.apache.calcite.sql.dialect.BigQuerySqlDialect;
import org.apache.calcite.sql.dialect.ClickHouseSqlDialect;
import org.apache.calcite.sql.dialect.DuckDBSqlDialect;
import org.apache.calcite.sql.dialect.H2SqlDialect;
import org.apache.calcite.sql.dialect.HiveSqlDialect;
import org.apache.calcite.sql.dialect.MysqlSqlDialect;
import org.apache.calcite.sql.dialect.PostgresqlSqlDialect;
import org.apache.calcite.sql.dialect.SnowflakeSqlDialect;
import org.apache.calcite.sql.dialect.SparkSqlDialect;
import org.apache.calcite.sql.dialect.TrinoSqlDialect;

/**
 * What the metrics compiler needs from a warehouse's SQL beyond what Calcite's {@link SqlDialect}
 * renders: calendar buckets (weeks start on Monday), date arithmetic, exact division, medians
 * and percentiles. ANSI defaults here; one small subclass per engine overrides what differs
 * (the shape of Calcite's dialect family). Identifiers and literals are always written by the
 * Calcite dialect.
 */
public abstract class DialectSql {
    private final Dialect dialect;
    private final SqlDialect calcite;

    protected DialectSql(Dialect dialect, SqlDialect calcite) {
        this.dialect = dialect;
        this.calcite = calcite;
    }

    public static DialectSql of(Dialect dialect) {
        return switch (dialect) {
            case DUCKDB -> new Standard(dialect, DuckDBSqlDialect.DEFAULT, "DOUBLE");
            case POSTGRES -> new Standard(dialect, PostgresqlSqlDialect.DEFAULT, "DOUBLE PRECISION");
            case TRINO -> new TrinoSql();
            case SNOWFLAKE -> new Standard(dialect, SnowflakeSqlDialect.DEFAULT, "DOUBLE");
            case MYSQL, MARIADB -> new MySql(dialect);
            case H2 -> new H2Sql();
            case CLICKHOUSE -> new ClickHouseSql();
            case BIGQUERY -> new BigQuerySql();
            case HIVE -> new HiveSql(dialect, BackslashEscaping.hive());
            case SPARK -> new SparkSql();
            case GENERIC -> new Standard(dialect, AnsiSqlDialect.DEFAULT, "DOUBLE PRECISION");
        };
    }

    public Dialect dialect() {
        return dialect;
    }

    public SqlDialect calcite() {
        return calcite;
    }

    /** The first day of the calendar bucket holding {@code date}, as a DATE. */
    public abstract SqlNode timeBucket(SqlNode date, TimeGrain grain);

    /** {@code date} moved by {@code amount} (may be negative) units of {@code unit}; the result may be a timestamp. */
    public abstract SqlNode addInterval(SqlNode date, int amount, TimeGrain unit);

    /** {@code value} as a double, so that a division is never an integer division nor truncated. */
    public abstract SqlNode castDouble(SqlNode value);

    /** {@code value} as a DATE. */
    public SqlNode castDate(SqlNode value) {
        return SqlTemplate.call("CAST({} AS DATE)", value);
    }

    /**
     * The mean of {@code value} as an exact decimal or a double. ANSI's AVG of integers may be an
     * integer or a 4-decimal DECIMAL (MySQL), so by default the values are averaged as doubles;
     * engines whose AVG already answers a double or an exact decimal skip the cast, which costs
     * real time on large tables.
     */
    public SqlNode average(SqlNode value) {
        return SqlTemplate.call("AVG({})", castDouble(value));
    }

    /** AVG as the engine has it: a double or an exact decimal for integers already. */
    protected static SqlNode plainAverage(SqlNode value) {
        return SqlTemplate.call("AVG({})", value);
    }

    /** Text concatenation. */
    public SqlNode concat(SqlNode left, SqlNode right) {
        return SqlTemplate.call("({} || {})", left, right);
    }

    /** The continuous percentile {@code fraction} of {@code value} within a group. */
    public SqlNode percentile(SqlNode value, double fraction) {
        return SqlTemplate.call("PERCENTILE_CONT(" + fraction + ") WITHIN GROUP (ORDER BY {})", value);
    }

    protected static String unit(TimeGrain grain) {
        return grain.name().toLowerCase(Locale.ROOT);
    }

    protected static CatalogException unsupported(Dialect dialect, String what) {
        return new CatalogException(ErrorCode.INVALID_REQUEST, what + " is not supported on " + dialect.value());
    }

    /** DuckDB, PostgreSQL, Snowflake and ANSI: DATE_TRUNC and INTERVAL literals. */
    static class Standard extends DialectSql {
        private final String doubleType;

        Standard(Dialect dialect, SqlDialect calcite, String doubleType) {
            super(dialect, calcite);
            this.doubleType = doubleType;
        }

        @Override
        public SqlNode timeBucket(SqlNode date, TimeGrain grain) {
            if (grain == TimeGrain.DAY) {
                return castDate(date);
            }
            return SqlTemplate.call("CAST(DATE_TRUNC('" + unit(grain) + "', {}) AS DATE)", date);
        }

        @Override
        public SqlNode addInterval(SqlNode date, int amount, TimeGrain unit) {
            int count = unit == TimeGrain.WEEK ? amount * 7 : unit == TimeGrain.QUARTER ? amount * 3 : amount;
            String name = unit == TimeGrain.WEEK ? "day" : unit == TimeGrain.QUARTER ? "month" : unit(unit);
            return SqlTemplate.call("({} + INTERVAL '" + count + " " + name + "')", date);
        }

        @Override
        public SqlNode castDouble(SqlNode value) {
            return SqlTemplate.call("CAST({} AS " + doubleType + ")", value);
        }

        @Override
        public SqlNode average(SqlNode value) {
            Dialect dialect = dialect();
            return dialect == Dialect.DUCKDB || dialect == Dialect.POSTGRES || dialect == Dialect.TRINO
                    ? plainAverage(value) : super.average(value);
        }
    }

    /** Trino: date_add with a unit name. */
    static final class TrinoSql extends Standard {
        TrinoSql() {
            super(Dialect.TRINO, TrinoSqlDialect.DEFAULT, "DOUBLE");
        }

        @Override
        public SqlNode addInterval(SqlNode date, int amount, TimeGrain unit) {
            return SqlTemplate.call("date_add('" + unit(unit) + "', " + amount + ", {})", date);
        }

        @Override
        public SqlNode percentile(SqlNode value, double fraction) {
            return SqlTemplate.call("approx_percentile({}, " + fraction + ")", value);
        }
    }

    /** MySQL and MariaDB: no DATE_TRUNC; weeks from WEEKDAY (Monday is 0); backslash escapes in literals. */
    static final class MySql extends DialectSql {
        MySql(Dialect dialect) {
            super(dialect, BackslashEscaping.mysql());
        }

        @Override
        public SqlNode timeBucket(SqlNode date, TimeGrain grain) {
            return switch (grain) {
                case DAY -> SqlTemplate.call("DATE({})", date);
                case WEEK -> SqlTemplate.call("SUBDATE(DATE({}), WEEKDAY({}))", date, date);
                case MONTH -> SqlTemplate.call("CAST(DATE_FORMAT({}, '%Y-%m-01') AS DATE)", date);
                case QUARTER -> SqlTemplate.call(
                        "MAKEDATE(YEAR({}), 1) + INTERVAL (QUARTER({}) - 1) QUARTER", date, date);
                case YEAR -> SqlTemplate.call("MAKEDATE(YEAR({}), 1)", date);
            };
        }

        @Override
        public SqlNode addInterval(SqlNode date, int amount, TimeGrain unit) {
            return SqlTemplate.call("DATE_ADD({}, INTERVAL " + amount + " " + unit.name() + ")", date);
        }

        @Override
        public SqlNode castDouble(SqlNode value) {
            return SqlTemplate.call("CAST({} AS DOUBLE)", value);
        }

        @Override
        public SqlNode concat(SqlNode left, SqlNode right) {
            return SqlTemplate.call("CONCAT({}, {})", left, right);
        }

        @Override
        public SqlNode percentile(SqlNode value, double fraction) {
            throw unsupported(dialect(), "A median or percentile measure");
        }
    }

    /** H2: DATE_TRUNC with ISO weeks, DATEADD. */
    static final class H2Sql extends DialectSql {
        @Override
        public SqlNode average(SqlNode value) {
            return plainAverage(value);
        }

        H2Sql() {
            super(Dialect.H2, H2SqlDialect.DEFAULT);
        }

        @Override
        public SqlNode timeBucket(SqlNode date, TimeGrain grain) {
            if (grain == TimeGrain.DAY) {
                return castDate(date);
            }
            String unit = grain == TimeGrain.WEEK ? "ISO_WEEK" : grain.name();
            return SqlTemplate.call("CAST(DATE_TRUNC(" + unit + ", {}) AS DATE)", date);
        }

        @Override
        public SqlNode addInterval(SqlNode date, int amount, TimeGrain unit) {
            return SqlTemplate.call("DATEADD(" + unit.name() + ", " + amount + ", {})", date);
        }

        @Override
        public SqlNode castDouble(SqlNode value) {
            return SqlTemplate.call("CAST({} AS DOUBLE PRECISION)", value);
        }
    }

    /** ClickHouse: toStartOf* functions; toMonday for weeks. */
    static final class ClickHouseSql extends DialectSql {
        @Override
        public SqlNode average(SqlNode value) {
            return plainAverage(value);
        }

        ClickHouseSql() {
            super(Dialect.CLICKHOUSE, BackslashEscaping.clickHouse());
        }

        @Override
        public SqlNode timeBucket(SqlNode date, TimeGrain grain) {
            return switch (grain) {
                case DAY -> SqlTemplate.call("toDate({})", date);
                case WEEK -> SqlTemplate.call("toMonday({})", date);
                case MONTH -> SqlTemplate.call("toStartOfMonth({})", date);
                case QUARTER -> SqlTemplate.call("toStartOfQuarter({})", date);
                case YEAR -> SqlTemplate.call("toStartOfYear({})", date);
            };
        }

        @Override
        public SqlNode addInterval(SqlNode date, int amount, TimeGrain unit) {
            String function = switch (unit) {
                case DAY -> "addDays";
                case WEEK -> "addWeeks";
                case MONTH -> "addMonths";
                case QUARTER -> "addQuarters";
                case YEAR -> "addYears";
            };
            return SqlTemplate.call(function + "({}, " + amount + ")", date);
        }

        @Override
        public SqlNode castDouble(SqlNode value) {
            return SqlTemplate.call("toFloat64({})", value);
        }

        @Override
        public SqlNode castDate(SqlNode value) {
            return SqlTemplate.call("toDate({})", value);
        }

        @Override
        public SqlNode percentile(SqlNode value, double fraction) {
            return SqlTemplate.call("quantileExact(" + fraction + ")({})", value);
        }
    }

    /** BigQuery: DATE_TRUNC(date, ISOWEEK), DATE_ADD with INTERVAL, FLOAT64. */
    static final class BigQuerySql extends DialectSql {
        @Override
        public SqlNode average(SqlNode value) {
            return plainAverage(value);
        }

        BigQuerySql() {
            super(Dialect.BIGQUERY, BackslashEscaping.bigQuery());
        }

        @Override
        public SqlNode timeBucket(SqlNode date, TimeGrain grain) {
            if (grain == TimeGrain.DAY) {
                return castDate(date);
            }
            String unit = grain == TimeGrain.WEEK ? "ISOWEEK" : grain.name();
            return SqlTemplate.call("DATE_TRUNC(CAST({} AS DATE), " + unit + ")", date);
        }

        @Override
        public SqlNode addInterval(SqlNode date, int amount, TimeGrain unit) {
            return SqlTemplate.call("DATE_ADD(CAST({} AS DATE), INTERVAL " + amount + " " + unit.name() + ")", date);
        }

        @Override
        public SqlNode castDouble(SqlNode value) {
            return SqlTemplate.call("CAST({} AS FLOAT64)", value);
        }

        @Override
        public SqlNode percentile(SqlNode value, double fraction) {
            throw unsupported(dialect(), "A median or percentile measure (an analytic function only)");
        }
    }

    /** Hive: trunc() for months, quarters and years; weeks counted from a Monday. */
    static class HiveSql extends DialectSql {
        @Override
        public SqlNode average(SqlNode value) {
            return plainAverage(value);
        }

        HiveSql(Dialect dialect, SqlDialect calcite) {
            super(dialect, calcite);
        }

        @Override
        public SqlNode timeBucket(SqlNode date, TimeGrain grain) {
            return switch (grain) {
                case DAY -> SqlTemplate.call("to_date({})", date);
                // 1900-01-01 was a Monday
                case WEEK -> SqlTemplate.call("date_sub(to_date({}), pmod(datediff(to_date({}), '1900-01-01'), 7))",
                        date, date);
                case MONTH -> SqlTemplate.call("trunc({}, 'MM')", date);
                case QUARTER -> SqlTemplate.call("trunc({}, 'Q')", date);
                case YEAR -> SqlTemplate.call("trunc({}, 'YYYY')", date);
            };
        }

        @Override
        public SqlNode addInterval(SqlNode date, int amount, TimeGrain unit) {
            return switch (unit) {
                case DAY -> SqlTemplate.call("date_add({}, " + amount + ")", date);
                case WEEK -> SqlTemplate.call("date_add({}, " + amount * 7 + ")", date);
                case MONTH -> SqlTemplate.call("add_months({}, " + amount + ")", date);
                case QUARTER -> SqlTemplate.call("add_months({}, " + amount * 3 + ")", date);
                case YEAR -> SqlTemplate.call("add_months({}, " + amount * 12 + ")", date);
            };
        }

        @Override
        public SqlNode castDouble(SqlNode value) {
            return SqlTemplate.call("CAST({} AS DOUBLE)", value);
        }

        @Override
        public SqlNode concat(SqlNode left, SqlNode right) {
            return SqlTemplate.call("concat({}, {})", left, right);
        }

        @Override
        public SqlNode percentile(SqlNode value, double fraction) {
            return SqlTemplate.call("percentile_approx({}, " + fraction + ")", value);
        }
    }

    /** Spark: as Hive, with date_trunc (weeks start on Monday). */
    static final class SparkSql extends HiveSql {
        SparkSql() {
            super(Dialect.SPARK, BackslashEscaping.spark());
        }

        @Override
        public SqlNode timeBucket(SqlNode date, TimeGrain grain) {
            if (grain == TimeGrain.DAY) {
                return SqlTemplate.call("to_date({})", date);
            }
            return SqlTemplate.call("CAST(date_trunc('" + grain.name() + "', {}) AS DATE)", date);
        }
    }

    /** Calcite dialects for engines that read a backslash in a string literal as an escape. */
    static final class BackslashEscaping {
        private BackslashEscaping() {}

        private static void quote(StringBuilder buf, String value) {
            buf.append('\'').append(value.replace("\\", "\\\\").replace("'", "''")).append('\'');
        }

        static SqlDialect mysql() {
            return new MysqlSqlDialect(MysqlSqlDialect.DEFAULT_CONTEXT) {
                @Override
                public void quoteStringLiteral(StringBuilder buf, String charsetName, String value) {
                    quote(buf, value);
                }
            };
        }

        static SqlDialect hive() {
            return new HiveSqlDialect(HiveSqlDialect.DEFAULT_CONTEXT) {
                @Override
                public void quoteStringLiteral(StringBuilder buf, String charsetName, String value) {
                    quote(buf, value);
                }
            };
        }

        static SqlDialect spark() {
            return new SparkSqlDialect(SparkSqlDialect.DEFAULT_CONTEXT) {
                @Override
                public void quoteStringLiteral(StringBuilder buf, String charsetName, String value) {
                    quote(buf, value);
                }
            };
        }

        static SqlDialect bigQuery() {
            return new BigQuerySqlDialect(BigQuerySqlDialect.DEFAULT_CONTEXT) {
                @Override
                public void quoteStringLiteral(StringBuilder buf, String charsetName, String value) {
                    buf.append('\'').append(value.replace("\\", "\\\\").replace("'", "\\'")).append('\'');
                }
            };
        }

        static SqlDialect clickHouse() {
            return new ClickHouseSqlDialect(ClickHouseSqlDialect.DEFAULT_CONTEXT) {
                @Override
                public void quoteStringLiteral(StringBuilder buf, String charsetName, String value) {
                    quote(buf, value);
                }
            };
        }
    }
}

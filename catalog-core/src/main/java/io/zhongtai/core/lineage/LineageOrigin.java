package io.zhongtai.core.lineage;

import java.util.Locale;

/** The road by which a job's lineage reached the catalog. */
public enum LineageOrigin {
    /** A job registered through the API with its SQL (the demo's ETL jobs among them). */
    SQL,
    /** A write statement found in a warehouse's query log. */
    QUERY_LOG,
    /** An OpenLineage run event. */
    OPENLINEAGE,
    /** A dbt manifest. */
    DBT;

    public String value() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static LineageOrigin fromValue(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}

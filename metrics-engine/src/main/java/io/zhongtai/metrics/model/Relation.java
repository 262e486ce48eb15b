package io.zhongtai.metrics.model;

import static java.util.Objects.requireNonNull;

/** The warehouse table a semantic model reads: schema and table, both as the warehouse names them. */
public record Relation(String schema, String table) {
    public Relation {
        requireNonNull(table, "table is null");
    }

    @Override
    public String toString() {
        return schema == null ? table : schema + "." + table;
    }
}

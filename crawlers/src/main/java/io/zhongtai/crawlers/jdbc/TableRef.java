package io.zhongtai.crawlers.jdbc;

import static java.util.Objects.requireNonNull;

import io.zhongtai.core.harvest.TableKind;

/** A table or view a harvest found, named as the engine stores it. */
public record TableRef(String schema, String name, TableKind kind) {
    public TableRef {
        requireNonNull(schema, "schema is null");
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
    }

    /** {@code schema.table}, the form {@link io.zhongtai.core.harvest.HarvestBatch#unread()} uses. */
    public String qualifiedName() {
        return schema + "." + name;
    }
}

package io.zhongtai.crawlers.sql;

import io.zhongtai.core.lineage.SchemaCatalog;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The columns of tables as far as one request knows them: those created or dropped earlier in
 * the script first, then the caller's catalog (asked once per table).
 */
final class TableSchemas {
    private final SchemaCatalog catalog;
    private final Map<String, Optional<List<String>>> known = new HashMap<>();

    TableSchemas(SchemaCatalog catalog) {
        this.catalog = catalog;
    }

    Optional<List<String>> columns(String table) {
        return known.computeIfAbsent(table, name -> catalog.columnsOf(name).map(List::copyOf));
    }

    Relation relation(String table) {
        return Relation.baseTable(table, columns(table));
    }

    /** A table (or view) the script creates; empty columns when the script does not say them. */
    void created(String table, Optional<List<String>> columns) {
        known.put(table, columns.map(List::copyOf));
    }

    void dropped(String table) {
        known.put(table, Optional.empty());
    }
}

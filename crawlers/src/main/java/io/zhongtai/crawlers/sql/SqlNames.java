package io.zhongtai.crawlers.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The naming rules of API.md, "Lineage": an unquoted identifier is lower-cased, a quoted one
 * keeps its case and loses its quotes; a one-part table name takes the default schema, and a
 * two-part name takes the default database in front when one is given.
 */
final class SqlNames {
    private final String defaultDatabase;
    private final String defaultSchema;

    SqlNames(String defaultDatabase, String defaultSchema) {
        this.defaultDatabase = defaultDatabase;
        this.defaultSchema = defaultSchema;
    }

    String defaultDatabase() {
        return defaultDatabase;
    }

    String defaultSchema() {
        return defaultSchema;
    }

    /**
     * One identifier as the lineage prints it: {@code Orders -> orders}, {@code "Orders" ->
     * Orders}, {@code `My Col` -> My Col}; doubled quotes inside become single.
     */
    static String identifier(String raw) {
        if (raw == null) {
            return null;
        }
        int length = raw.length();
        if (length >= 2) {
            char first = raw.charAt(0);
            char last = raw.charAt(length - 1);
            if ((first == '"' || first == '`') && last == first) {
                String quote = String.valueOf(first);
                return raw.substring(1, length - 1).replace(quote + quote, quote);
            }
            if (first == '[' && last == ']') {
                return raw.substring(1, length - 1).replace("]]", "]");
            }
        }
        return raw.toLowerCase(Locale.ROOT);
    }

    /** The identifiers of a dotted name, each after the case rule, outermost first. */
    static List<String> identifiers(List<String> rawParts) {
        List<String> parts = new ArrayList<>(rawParts.size());
        for (String raw : rawParts) {
            if (raw != null && !raw.isEmpty()) {
                parts.add(identifier(raw));
            }
        }
        return parts;
    }

    /**
     * JSqlParser keeps a table's parts innermost first, and with a quoted part that holds dots
     * (BigQuery's {@code `project.dataset.table`}) already split.
     */
    static List<String> tableParts(net.sf.jsqlparser.schema.Table table) {
        List<String> raw = new ArrayList<>(table.getNameParts());
        Collections.reverse(raw);
        return identifiers(raw);
    }

    /** A table's parts qualified with the defaults: schema for one part, database for two. */
    List<String> qualify(List<String> parts) {
        List<String> qualified = new ArrayList<>(parts);
        if (qualified.size() == 1 && defaultSchema != null) {
            qualified.add(0, defaultSchema);
        }
        if (qualified.size() == 2 && defaultDatabase != null) {
            qualified.add(0, defaultDatabase);
        }
        return List.copyOf(qualified);
    }

    /** A table's printed name: its qualified parts joined with dots. */
    String tableName(List<String> parts) {
        return String.join(".", qualify(parts));
    }

    static String columnName(String table, String column) {
        return table + "." + column;
    }
}

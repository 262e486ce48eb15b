package io.zhongtai.crawlers.sql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.expression.WindowDefinition;

/**
 * The names visible in one query block: its FROM items with their aliases, the select list's
 * aliases, named windows, the common table expressions in force, and the enclosing block for
 * correlated references.
 */
final class Scope {
    /**
     * One FROM item.
     *
     * @param alias the alias, or the CTE's name, or null
     * @param tableParts a base table's qualified parts, or null
     * @param writtenParts a base table's parts as written, or null
     * @param qualifiedOnly reachable only through its alias (EXCLUDED, an INSERT's row alias)
     */
    record Entry(
            String alias, List<String> tableParts, List<String> writtenParts, Relation relation, boolean qualifiedOnly) {
        boolean matches(List<String> qualifier) {
            if (alias != null) {
                if (qualifier.size() == 1 && alias.equals(qualifier.get(0))) {
                    return true;
                }
                if (qualifiedOnly) {
                    return false;
                }
            }
            return endsWith(tableParts, qualifier) || endsWith(writtenParts, qualifier);
        }

        private static boolean endsWith(List<String> parts, List<String> suffix) {
            if (parts == null || suffix.size() > parts.size()) {
                return false;
            }
            return parts.subList(parts.size() - suffix.size(), parts.size()).equals(suffix);
        }
    }

    /** The common table expressions visible at some point, innermost WITH first. */
    static final class Ctes {
        static final Ctes NONE = new Ctes(null);

        private final Ctes parent;
        private final Map<String, Relation> relations = new HashMap<>();

        Ctes(Ctes parent) {
            this.parent = parent;
        }

        void put(String name, Relation relation) {
            relations.put(name, relation);
        }

        Relation lookup(String name) {
            for (Ctes ctes = this; ctes != null; ctes = ctes.parent) {
                Relation relation = ctes.relations.get(name);
                if (relation != null) {
                    return relation;
                }
            }
            return null;
        }
    }

    private final Scope parent;
    private final Ctes ctes;
    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, Set<String>> selectAliases = new HashMap<>();
    private final Set<String> joinColumns = new HashSet<>();
    private List<WindowDefinition> windows = List.of();
    private Relation inserted;

    Scope(Scope parent, Ctes ctes) {
        this.parent = parent;
        this.ctes = ctes;
    }

    Scope parent() {
        return parent;
    }

    Ctes ctes() {
        return ctes;
    }

    List<Entry> entries() {
        return entries;
    }

    void add(Entry entry) {
        entries.add(entry);
    }

    /** The entry a qualifier names, in this block only. */
    Entry find(List<String> qualifier) {
        for (Entry entry : entries) {
            if (entry.alias() != null && qualifier.size() == 1 && entry.alias().equals(qualifier.get(0))) {
                return entry;
            }
        }
        for (Entry entry : entries) {
            if (entry.matches(qualifier)) {
                return entry;
            }
        }
        return null;
    }

    void selectAlias(String name, Set<String> sources) {
        selectAliases.putIfAbsent(name, sources);
    }

    Set<String> selectAlias(String name) {
        return selectAliases.get(name);
    }

    /** Columns of USING and NATURAL joins: the same name in two tables is meant, not ambiguous. */
    void joinColumn(String name) {
        joinColumns.add(name);
    }

    boolean isJoinColumn(String name) {
        return joinColumns.contains(name);
    }

    void windows(List<WindowDefinition> definitions) {
        windows = definitions == null ? List.of() : definitions;
    }

    WindowDefinition window(String name) {
        for (Scope scope = this; scope != null; scope = scope.parent) {
            for (WindowDefinition definition : scope.windows) {
                if (name.equalsIgnoreCase(definition.getWindowName())) {
                    return definition;
                }
            }
        }
        return null;
    }

    /** The row an INSERT proposes, for {@code VALUES(col)} in ON DUPLICATE KEY UPDATE. */
    void inserted(Relation relation) {
        inserted = relation;
    }

    Relation inserted() {
        for (Scope scope = this; scope != null; scope = scope.parent) {
            if (scope.inserted != null) {
                return scope.inserted;
            }
        }
        return null;
    }
}

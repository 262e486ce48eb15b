package io.zhongtai.crawlers.jdbc;

import io.zhongtai.core.warehouse.CrawlSettings;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which schemas and tables a crawl reads: those matching any include pattern (all when there
 * are none) and no exclude pattern. Patterns are globs ({@code *} any run, {@code ?} one
 * character), compared without regard to case; a table pattern matches {@code schema.table} or
 * the bare table name.
 */
public final class ScopeFilter {
    private final List<Pattern> includeSchemas;
    private final List<Pattern> excludeSchemas;
    private final List<Pattern> includeTables;
    private final List<Pattern> excludeTables;
    private final String description;

    public ScopeFilter(CrawlSettings settings) {
        this.includeSchemas = globs(settings.includeSchemas());
        this.excludeSchemas = globs(settings.excludeSchemas());
        this.includeTables = globs(settings.includeTables());
        this.excludeTables = globs(settings.excludeTables());
        this.description = "schemas " + settings.includeSchemas() + " minus " + settings.excludeSchemas() + ", tables "
                + settings.includeTables() + " minus " + settings.excludeTables();
    }

    public boolean acceptsSchema(String schema) {
        return accepts(includeSchemas, excludeSchemas, schema, schema);
    }

    public boolean acceptsTable(String schema, String table) {
        return acceptsSchema(schema) && accepts(includeTables, excludeTables, schema + "." + table, table);
    }

    private static boolean accepts(List<Pattern> includes, List<Pattern> excludes, String qualified, String bare) {
        boolean included = includes.isEmpty() || matchesAny(includes, qualified, bare);
        return included && !matchesAny(excludes, qualified, bare);
    }

    private static boolean matchesAny(List<Pattern> patterns, String qualified, String bare) {
        return patterns.stream().anyMatch(p -> p.matcher(qualified).matches() || p.matcher(bare).matches());
    }

    private static List<Pattern> globs(List<String> globs) {
        return globs.stream().map(ScopeFilter::glob).toList();
    }

    private static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    @Override
    public String toString() {
        return description;
    }
}

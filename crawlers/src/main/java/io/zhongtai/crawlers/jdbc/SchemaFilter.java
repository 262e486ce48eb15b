package io.zhongtai.crawlers.jdbc;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which schemas a crawl reads: those matching any include pattern (all when there are none) and
 * no exclude pattern. Patterns are globs ({@code *} any run, {@code ?} one character), compared
 * without regard to case.
 */
public final class SchemaFilter {
    private final List<Pattern> includes;
    private final List<Pattern> excludes;

    public SchemaFilter(List<String> includes, List<String> excludes) {
        this.includes = includes.stream().map(SchemaFilter::glob).toList();
        this.excludes = excludes.stream().map(SchemaFilter::glob).toList();
    }

    public boolean accepts(String schema) {
        boolean included = includes.isEmpty() || includes.stream().anyMatch(p -> p.matcher(schema).matches());
        return included && excludes.stream().noneMatch(p -> p.matcher(schema).matches());
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
        return "include " + includes + " exclude " + excludes.toString().toLowerCase(Locale.ROOT);
    }
}

package io.zhongtai.search.schema;

import static java.util.Objects.requireNonNull;

import io.zhongtai.core.asset.OwnerRef;
import io.zhongtai.core.search.SearchDocument;
import io.zhongtai.search.analysis.TextAnalysis;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link SearchDocument} turned into field values, the same for both adapters: text fields hold
 * analysed tokens joined by spaces (each value indexed by a whitespace analyser, in Lucene and in
 * Elasticsearch alike), keyword fields hold exact values.
 *
 * @param text text field name to values, each value a space-separated token list
 * @param keywords keyword field name to values
 */
public record IndexedDocument(
        SearchDocument source,
        Map<String, List<String>> text,
        Map<String, List<String>> keywords,
        float rankBoost,
        int nameLength,
        String nameSort) {
    public IndexedDocument {
        requireNonNull(source, "source is null");
        text = Collections.unmodifiableMap(new LinkedHashMap<>(text));
        keywords = Collections.unmodifiableMap(new LinkedHashMap<>(keywords));
        requireNonNull(nameSort, "nameSort is null");
    }

    public String id() {
        return source.id().toString();
    }

    /** When the asset last changed, epoch milliseconds (the input of the recency factor). */
    public long updatedAt() {
        return source.updatedAt().toEpochMilli();
    }

    public static IndexedDocument of(SearchDocument document) {
        Map<String, List<String>> text = new LinkedHashMap<>();
        put(text, IndexFields.NAME.name(), List.of(document.name()));
        put(text, IndexFields.LABELS.name(), document.labels());
        put(text, IndexFields.QUALIFIED.name(), document.nameParts());
        put(text, IndexFields.DESCRIPTION.name(), nullable(document.description()));
        put(text, IndexFields.COLUMNS.name(), document.columnNames());
        put(text, IndexFields.COLUMN_DESCRIPTIONS.name(), document.columnDescriptions());
        List<String> classifications = new ArrayList<>(document.tags());
        classifications.addAll(document.terms());
        put(text, IndexFields.CLASSIFICATIONS.name(), classifications);
        List<String> people = new ArrayList<>();
        document.owners().forEach(owner -> people.add(owner.name()));
        if (document.domain() != null) {
            people.add(document.domain());
        }
        put(text, IndexFields.PEOPLE.name(), people);

        Map<String, List<String>> keywords = new LinkedHashMap<>();
        keywords.put(IndexFields.ID, List.of(document.id().toString()));
        keywords.put(IndexFields.TYPE, List.of(document.type().value()));
        keywords.put(IndexFields.NAME_EXACT, exactNames(document));
        keywords.put(IndexFields.PREFIXES, prefixes(document));
        keywords.put(IndexFields.NAME_START, nameStarts(document));
        keywords.put(IndexFields.WAREHOUSE, nullable(document.warehouse()));
        keywords.put(IndexFields.SCHEMA, nullable(document.schema()));
        keywords.put(IndexFields.DOMAIN, nullable(document.domain()));
        keywords.put(IndexFields.OWNER, document.owners().stream().map(owner -> owner.id().toString()).distinct().toList());
        Set<String> ownerNames = new LinkedHashSet<>();
        for (OwnerRef owner : document.owners()) {
            ownerNames.add(owner.id().name());
            ownerNames.add(owner.name());
        }
        keywords.put(IndexFields.OWNER_NAME, List.copyOf(ownerNames));
        keywords.put(IndexFields.TAG, document.tags().stream().distinct().toList());
        keywords.put(IndexFields.TERM, document.terms().stream().distinct().toList());
        keywords.put(IndexFields.CERTIFIED, List.of(Boolean.toString(document.certified())));
        keywords.put(IndexFields.PLATFORM, nullable(document.platform()));
        keywords.put(IndexFields.DELETED, List.of(Boolean.toString(document.deleted())));
        keywords.put(IndexFields.DEPRECATED, List.of(Boolean.toString(document.deprecated())));

        return new IndexedDocument(
                document, text, keywords, Ranking.rankBoost(document), Normalize.codePoints(document.name()),
                Normalize.exact(document.name()));
    }

    /**
     * The whole name in every form a user may type it exactly: as written, its dotted suffixes
     * ({@code retail.orders}), the identifier, each label, and their analysed signatures (so that
     * {@code order} is exactly {@code orders} and {@code order items} is {@code order_items}).
     */
    private static List<String> exactNames(SearchDocument document) {
        Set<String> names = new LinkedHashSet<>();
        addExact(names, document.name());
        addExact(names, document.qualifiedName());
        addExact(names, document.id().toString());
        List<String> path = document.id().path();
        for (int i = 0; i < path.size(); i++) {
            addExact(names, String.join(".", path.subList(i, path.size())));
        }
        addExact(names, Normalize.signature(document.name()));
        for (String label : document.labels()) {
            addExact(names, label);
            addExact(names, Normalize.signature(label));
        }
        return List.copyOf(names);
    }

    private static void addExact(Set<String> names, String value) {
        String normal = Normalize.exact(value);
        if (!normal.isEmpty() && normal.length() <= Normalize.MAX_EXACT_LENGTH) {
            names.add(normal);
        }
    }

    /**
     * Prefixes of every word of the name and labels. The prefixes of the whole name are in
     * {@link IndexFields#NAME_START} only: queries look in both fields, and keeping them once
     * saves a third of the index's distinct terms, which writing the terms dictionary costs.
     */
    private static List<String> prefixes(SearchDocument document) {
        Set<String> prefixes = new LinkedHashSet<>();
        List<String> texts = new ArrayList<>(document.labels());
        texts.add(0, document.name());
        for (String text : texts) {
            for (String word : TextAnalysis.words(text)) {
                prefixes.addAll(Normalize.prefixes(word));
            }
        }
        return List.copyOf(prefixes);
    }

    /** Prefixes of the whole name and of each whole label: a completion that starts the name ranks first. */
    private static List<String> nameStarts(SearchDocument document) {
        Set<String> starts = new LinkedHashSet<>(Normalize.prefixes(Normalize.exact(document.name())));
        for (String label : document.labels()) {
            starts.addAll(Normalize.prefixes(Normalize.exact(label)));
        }
        return List.copyOf(starts);
    }

    private static void put(Map<String, List<String>> text, String field, List<String> values) {
        List<String> analysed = new ArrayList<>();
        for (String value : values) {
            String tokens = String.join(" ", TextAnalysis.tokens(value));
            if (!tokens.isEmpty()) {
                analysed.add(tokens);
            }
        }
        text.put(field, analysed);
    }

    private static List<String> nullable(String value) {
        return value == null ? List.of() : List.of(value);
    }
}

package io.zhongtai.nl.lexicon;

import io.zhongtai.metrics.catalog.DimensionInfo;
import io.zhongtai.metrics.catalog.MetricCatalog;
import io.zhongtai.metrics.catalog.MetricInfo;
import io.zhongtai.metrics.model.DimensionValue;
import io.zhongtai.metrics.model.DimensionType;
import io.zhongtai.metrics.model.Labels;
import io.zhongtai.nl.Language;
import io.zhongtai.nl.text.ChineseSegmenter;
import io.zhongtai.nl.text.Normalizer;
import io.zhongtai.nl.text.Token;
import io.zhongtai.nl.text.Tokenizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The names a question may use, each with its readings: metric and dimension names, labels and
 * synonyms in both languages (with English plurals), and dimension values with their labels and
 * synonyms, from the definitions and from a {@link DimensionValueSource}. Keys are token
 * sequences as {@link #key(List)} writes them, so that a name matches however the question is
 * spaced or segmented. Immutable: rebuild it when the catalog changes.
 */
public final class Lexicon {
    /** Longest name, in tokens, that matching tries. */
    public static final int MAX_TOKENS = 8;

    private final Map<String, List<TermRef>> entries;
    private final List<String> hanKeys;
    private final MetricCatalog catalog;
    private final Map<String, Set<String>> knownValues;

    private Lexicon(MetricCatalog catalog, Map<String, List<TermRef>> entries, Map<String, Set<String>> knownValues) {
        this.catalog = catalog;
        this.entries = entries;
        this.knownValues = knownValues;
        List<String> han = new ArrayList<>();
        for (String key : entries.keySet()) {
            if (key.length() > 1 && key.chars().allMatch(c -> Language.isHan((char) c))) {
                han.add(key);
            }
        }
        han.sort((a, b) -> b.length() - a.length());
        this.hanKeys = List.copyOf(han);
    }

    public MetricCatalog catalog() {
        return catalog;
    }

    /** The readings of a key, or an empty list. */
    public List<TermRef> lookup(String key) {
        return entries.getOrDefault(key, List.of());
    }

    /** Names made only of Han characters, longest first, for finding a name inside a longer word. */
    public List<String> hanKeys() {
        return hanKeys;
    }

    /** Every value known for a dimension (as stored), from the definitions and the value source. */
    public Set<String> values(String dimension) {
        return knownValues.getOrDefault(dimension, Set.of());
    }

    public int size() {
        return entries.size();
    }

    /** Tokens joined as lexicon keys are: a space only between two tokens that are not Chinese. */
    public static String key(List<Token> tokens) {
        StringBuilder key = new StringBuilder();
        Token previous = null;
        for (Token token : tokens) {
            if (previous != null && previous.kind() != Token.Kind.HAN && token.kind() != Token.Kind.HAN) {
                key.append(' ');
            }
            key.append(token.text());
            previous = token;
        }
        return key.toString();
    }

    /** Builds the lexicon of a catalog, adding its Chinese names to the segmenter's dictionary. */
    public static Lexicon build(MetricCatalog catalog, DimensionValueSource valueSource) {
        ChineseSegmenter segmenter = ChineseSegmenter.get();
        Tokenizer tokenizer = new Tokenizer(segmenter);
        Builder builder = new Builder(tokenizer);
        List<String> hanWords = new ArrayList<>();
        for (MetricInfo metric : catalog.metrics()) {
            TermRef ref = TermRef.metric(metric.name(), metric.labels().en(), metric.labels().zh());
            builder.add(metric.name(), ref);
            builder.add(metric.name().replace('_', ' '), ref);
            addLabels(builder, metric.labels(), ref, hanWords);
        }
        Map<String, Set<String>> known = new HashMap<>();
        Map<String, List<String>> extra = valueSource.values();
        for (DimensionInfo dimension : catalog.dimensions()) {
            TermRef ref = TermRef.dimension(dimension.name(), dimension.labels().en(), dimension.labels().zh());
            builder.add(dimension.name(), ref);
            builder.add(dimension.name().replace('_', ' '), ref);
            addLabels(builder, dimension.labels(), ref, hanWords);
            if (dimension.type() == DimensionType.TIME) {
                continue;
            }
            Set<String> values = new LinkedHashSet<>();
            for (DimensionValue value : dimension.values()) {
                values.add(value.value());
                TermRef valueRef = TermRef.value(dimension.name(), value.value(),
                        value.labelEn() != null ? value.labelEn() : value.value(), value.labelZh());
                builder.add(value.value(), valueRef);
                builder.add(value.labelEn(), valueRef);
                builder.add(value.labelZh(), valueRef);
                hanWords.add(value.labelZh());
                if (value.labelZh() != null && value.labelZh().startsWith("已") && value.labelZh().length() > 2) {
                    // 已取消 is also said 取消
                    builder.addDerived(value.labelZh().substring(1), valueRef);
                    hanWords.add(value.labelZh().substring(1));
                }
                for (String synonym : value.synonyms()) {
                    builder.add(synonym, valueRef);
                    hanWords.add(synonym);
                }
            }
            for (String value : extra.getOrDefault(dimension.name(), List.of())) {
                if (values.add(value)) {
                    builder.add(value, TermRef.value(dimension.name(), value, value, null));
                }
            }
            if (dimension.name().equals("city")) {
                Map<String, String> byLowerCase = new HashMap<>();
                values.forEach(v -> byLowerCase.put(v.toLowerCase(Locale.ROOT), v));
                ChinesePlaceNames.CITIES.forEach((zh, en) -> {
                    String stored = byLowerCase.get(en.toLowerCase(Locale.ROOT));
                    if (stored != null) {
                        builder.add(zh, TermRef.value("city", stored, stored, zh));
                        hanWords.add(zh);
                    }
                });
            }
            known.put(dimension.name(), Collections.unmodifiableSet(values));
        }
        segmenter.addWords(hanWords.stream().filter(w -> w != null && w.chars().allMatch(c -> Language.isHan((char) c))).toList());
        return new Lexicon(catalog, builder.entries(), known);
    }

    private static void addLabels(Builder builder, Labels labels, TermRef ref, List<String> hanWords) {
        for (String name : labels.allNames()) {
            builder.add(name, ref);
            builder.addPlural(name, ref);
            hanWords.add(name);
        }
        if (ref.kind() == TermKind.METRIC) {
            // Chinese count and amount nouns drop their suffix in speech: 订单数 -> 订单, 买家数 -> 买家
            for (String name : labels.allNames()) {
                String participle = englishParticiple(name);
                if (participle != null) {
                    // a one-word name in -ing is also said as its participle: rating -> "lowest rated region"
                    builder.addDerived(participle, ref);
                }
                String stem = chineseStem(name);
                if (stem != null) {
                    builder.addDerived(stem, ref);
                    hanWords.add(stem);
                }
            }
        }
    }

    /** rating -> rated; null for a name of several words or not ending in -ing. */
    static String englishParticiple(String name) {
        if (name == null || !name.matches("[A-Za-z]{3,}ing")) {
            return null;
        }
        return name.substring(0, name.length() - 3).toLowerCase(Locale.ROOT) + "ed";
    }

    private static final List<String> COUNT_SUFFIXES = List.of("数量", "金额", "数", "量", "额");

    /** 订单数 -> 订单; null when the name has no such suffix or too little is left. */
    static String chineseStem(String name) {
        if (name == null || !name.chars().allMatch(c -> Language.isHan((char) c))) {
            return null;
        }
        for (String suffix : COUNT_SUFFIXES) {
            if (name.endsWith(suffix) && name.length() - suffix.length() >= 2) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return null;
    }

    private static final class Builder {
        private final Tokenizer tokenizer;
        private final Map<String, List<TermRef>> entries = new LinkedHashMap<>();
        private final Set<String> derived = new java.util.HashSet<>();

        Builder(Tokenizer tokenizer) {
            this.tokenizer = tokenizer;
        }

        void add(String surface, TermRef ref) {
            if (surface == null || surface.isBlank()) {
                return;
            }
            String key = key(tokenizer.tokenize(Normalizer.normalize(surface)));
            if (key.isEmpty()) {
                return;
            }
            if (derived.remove(key)) {
                entries.remove(key);
            }
            List<TermRef> refs = entries.computeIfAbsent(key, k -> new ArrayList<>());
            if (!refs.contains(ref)) {
                refs.add(ref);
            }
        }

        /**
         * A derived form (a stem) that never overrides a name: it is added only where no name of
         * another thing has that spelling, and where two derived forms collide both readings stay
         * (a clarification).
         */
        void addDerived(String surface, TermRef ref) {
            String key = key(tokenizer.tokenize(Normalizer.normalize(surface)));
            List<TermRef> existing = entries.get(key);
            if (existing == null) {
                derived.add(key);
                entries.computeIfAbsent(key, k -> new ArrayList<>()).add(ref);
            } else if (derived.contains(key) && !existing.contains(ref)) {
                existing.add(ref);
            }
        }

        /** English plural of the last word: category -> categories, store -> stores. */
        void addPlural(String surface, TermRef ref) {
            if (surface == null || Language.of(surface) == Language.ZH || ref.kind() == TermKind.METRIC) {
                return;
            }
            String lower = surface.toLowerCase(Locale.ROOT);
            String plural;
            if (lower.endsWith("y") && lower.length() > 2 && "aeiou".indexOf(lower.charAt(lower.length() - 2)) < 0) {
                plural = surface.substring(0, surface.length() - 1) + "ies";
            } else if (lower.endsWith("s") || lower.endsWith("x") || lower.endsWith("ch") || lower.endsWith("sh")) {
                plural = surface + "es";
            } else {
                plural = surface + "s";
            }
            add(plural, ref);
        }

        Map<String, List<TermRef>> entries() {
            Map<String, List<TermRef>> copy = new HashMap<>();
            entries.forEach((k, v) -> copy.put(k, List.copyOf(v)));
            return Collections.unmodifiableMap(copy);
        }
    }
}

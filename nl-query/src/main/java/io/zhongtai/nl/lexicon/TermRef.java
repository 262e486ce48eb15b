package io.zhongtai.nl.lexicon;

import static java.util.Objects.requireNonNull;

/**
 * One reading of a word: a metric, a dimension, or a value of a dimension.
 *
 * @param name the metric's or dimension's name
 * @param value for a value, the value as stored; null otherwise
 * @param label how to show the reading to a person (the label in the question's language)
 */
public record TermRef(TermKind kind, String name, String value, String labelEn, String labelZh) {
    public TermRef {
        requireNonNull(kind, "kind is null");
        requireNonNull(name, "name is null");
        if (kind == TermKind.VALUE) {
            requireNonNull(value, "value is null");
        }
        labelEn = labelEn == null ? (value != null ? value : name) : labelEn;
    }

    public static TermRef metric(String name, String labelEn, String labelZh) {
        return new TermRef(TermKind.METRIC, name, null, labelEn, labelZh);
    }

    public static TermRef dimension(String name, String labelEn, String labelZh) {
        return new TermRef(TermKind.DIMENSION, name, null, labelEn, labelZh);
    }

    public static TermRef value(String dimension, String value, String labelEn, String labelZh) {
        return new TermRef(TermKind.VALUE, dimension, value, labelEn, labelZh);
    }

    public String label(io.zhongtai.nl.Language language) {
        return language == io.zhongtai.nl.Language.ZH && labelZh != null ? labelZh : labelEn;
    }
}

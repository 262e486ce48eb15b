package io.zhongtai.nl.lexicon;

/** What a word of a question may name. */
public enum TermKind {
    METRIC,
    DIMENSION,
    VALUE
}

package io.zhongtai.nl;

/** What a question asks for; a question may combine several (a top-N breakdown with a filter). */
public enum Intent {
    VALUE,
    BREAKDOWN,
    TREND,
    TOP_N,
    RANK,
    WHICH_HIGHEST,
    FILTER,
    NEGATION,
    COMPARISON,
    FOLLOW_UP,
    CLARIFICATION,
    CANNOT
}

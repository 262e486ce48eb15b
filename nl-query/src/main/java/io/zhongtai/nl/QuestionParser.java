package io.zhongtai.nl;

/** Turns a question into an {@link Interpretation}. Never writes SQL. */
public interface QuestionParser {
    Interpretation parse(ParseRequest request);

    /** A short name for responses and logs: {@code deterministic}, {@code llm}. */
    String name();
}

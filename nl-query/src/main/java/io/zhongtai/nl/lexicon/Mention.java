package io.zhongtai.nl.lexicon;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A name found in a question with its possible readings.
 *
 * @param firstToken index of its first token
 * @param endToken index after its last token
 * @param start offset of its first character in the normalised question
 * @param end offset after its last character
 * @param surface the words as the question has them
 * @param refs its readings, in the lexicon's order (labels before synonyms)
 */
public record Mention(int firstToken, int endToken, int start, int end, String surface, List<TermRef> refs) {
    public Mention {
        requireNonNull(surface, "surface is null");
        refs = List.copyOf(refs);
    }

    public boolean has(TermKind kind) {
        return refs.stream().anyMatch(r -> r.kind() == kind);
    }

    public List<TermRef> refs(TermKind kind) {
        return refs.stream().filter(r -> r.kind() == kind).toList();
    }
}

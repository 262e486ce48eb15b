package io.zhongtai.nl.embed;

import io.zhongtai.nl.Language;
import java.util.List;

/**
 * Finds the metrics a phrase paraphrases when no name in the lexicon matched (turnover, 营收),
 * by meaning rather than by spelling.
 */
public interface ParaphraseLinker {
    /** A metric and how close the phrase is to it (cosine similarity, higher is closer). */
    record Scored(String metric, double score) {}

    /**
     * The metrics nearest to the phrase, nearest first, only those above the linker's threshold.
     */
    List<Scored> nearestMetrics(String phrase, Language language);

    /** The margin under which two candidates count as equally close (a clarification, not a guess). */
    double ambiguityMargin();

    /** A linker that finds nothing: the parser then relies on names alone. */
    static ParaphraseLinker none() {
        return new ParaphraseLinker() {
            @Override
            public List<Scored> nearestMetrics(String phrase, Language language) {
                return List.of();
            }

            @Override
            public double ambiguityMargin() {
                return 0;
            }
        };
    }
}

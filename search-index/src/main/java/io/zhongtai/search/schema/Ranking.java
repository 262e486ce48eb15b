package io.zhongtai.search.schema;

import io.zhongtai.core.asset.AssetType;
import io.zhongtai.core.search.SearchDocument;

/**
 * The query-independent part of the ranking, computed when a document is indexed and stored
 * with it; both adapters multiply the text relevance by it. Computing it in Java keeps it the
 * same in both engines and needs no scripting in Elasticsearch (the minimal distribution has
 * none).
 *
 * <pre>
 * rank boost = type weight
 *            x (1 + 0.1 ln(1 + reads))          popularity: 1000 reads = x1.69
 *            x 1.3 if certified
 *            x 0.9 without a description
 *            x 0.95 without an owner
 *            x 0.5 if deprecated                (shown only when a search asks for deprecated assets)
 * </pre>
 *
 * <p>Recency depends on the time of the search, so it is applied at query time, by both adapters
 * with the same formula ({@link #recency}): a Gaussian decay of the age since the last change,
 * which Elasticsearch has built in ({@code gauss}) and Lucene computes from a doc value.
 */
public final class Ranking {
    static final double POPULARITY_WEIGHT = 0.1;
    static final double CERTIFIED_BOOST = 1.3;
    static final double NO_DESCRIPTION = 0.9;
    static final double NO_OWNER = 0.95;
    static final double DEPRECATED = 0.5;
    /** How much a change today can add to the score: x1.1 at most. */
    public static final double RECENCY_WEIGHT = 0.1;
    /** The age at which the recency bonus has halved. */
    public static final long RECENCY_SCALE_MILLIS = 90L * 24 * 60 * 60 * 1000;
    /** The decay at {@link #RECENCY_SCALE_MILLIS}, as Elasticsearch's decay functions take it. */
    public static final double RECENCY_DECAY = 0.5;

    private Ranking() {}

    public static float rankBoost(SearchDocument document) {
        double boost = typeWeight(document.type());
        boost *= 1 + POPULARITY_WEIGHT * Math.log1p(document.reads());
        // tables cannot be certified, and governed metrics are certified as a rule: a certified
        // metric ranks level with a table, and an uncertified one below it
        if (document.type() == AssetType.METRIC) {
            boost *= document.certified() ? 1.0 : 1.0 / CERTIFIED_BOOST;
        } else if (document.certified()) {
            boost *= CERTIFIED_BOOST;
        }
        if (document.description() == null) {
            boost *= NO_DESCRIPTION;
        }
        if (document.owners().isEmpty()) {
            boost *= NO_OWNER;
        }
        if (document.deprecated()) {
            boost *= DEPRECATED;
        }
        return (float) boost;
    }

    /**
     * The recency factor: {@code 1 + RECENCY_WEIGHT x decay^((age / scale)^2)}, the formula of
     * Elasticsearch's {@code gauss} decay (with offset 0) plus a constant 1, so that old assets
     * keep their score and recently changed ones gain up to {@link #RECENCY_WEIGHT}.
     */
    public static double recency(long updatedAtMillis, long nowMillis) {
        double distance = Math.abs((double) nowMillis - (double) updatedAtMillis);
        double sigmaSquared = -((double) RECENCY_SCALE_MILLIS * RECENCY_SCALE_MILLIS) / (2 * Math.log(RECENCY_DECAY));
        return 1 + RECENCY_WEIGHT * Math.exp(-(distance * distance) / (2 * sigmaSquared));
    }

    /**
     * What people look for most: datasets, metrics and glossary terms first; containers, jobs
     * and classifications next; columns last, since their table is usually the better answer
     * (a column still wins when its own name is what was typed).
     */
    static double typeWeight(AssetType type) {
        return switch (type) {
            case TABLE, VIEW, METRIC, TERM -> 1.0;
            case WAREHOUSE, SCHEMA, JOB, DOMAIN, TAG -> 0.9;
            case USER, GROUP -> 0.8;
            case COLUMN -> 0.7;
        };
    }
}

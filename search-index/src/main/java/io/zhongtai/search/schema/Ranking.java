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
 * </pre>
 */
public final class Ranking {
    static final double POPULARITY_WEIGHT = 0.1;
    static final double CERTIFIED_BOOST = 1.3;
    static final double NO_DESCRIPTION = 0.9;
    static final double NO_OWNER = 0.95;

    private Ranking() {}

    public static float rankBoost(SearchDocument document) {
        double boost = typeWeight(document.type());
        boost *= 1 + POPULARITY_WEIGHT * Math.log1p(document.reads());
        if (document.certified()) {
            boost *= CERTIFIED_BOOST;
        }
        if (document.description() == null) {
            boost *= NO_DESCRIPTION;
        }
        if (document.owners().isEmpty()) {
            boost *= NO_OWNER;
        }
        return (float) boost;
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

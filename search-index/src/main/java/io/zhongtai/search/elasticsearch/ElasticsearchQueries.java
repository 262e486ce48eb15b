package io.zhongtai.search.elasticsearch;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.ConstantScoreQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.DisMaxQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.FieldValueFactorModifier;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionBoostMode;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionScoreMode;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionScoreQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.FuzzyQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.MatchAllQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.MatchPhraseQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TermQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.TermsQuery;
import io.zhongtai.search.schema.IndexFields;
import io.zhongtai.search.schema.QueryPlan;
import io.zhongtai.search.schema.Ranking;
import io.zhongtai.search.schema.SuggestPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Translates the shared plans into Elasticsearch queries, clause for clause as
 * {@code LuceneQueries} does (see {@link QueryPlan} for the formula). Only term-level queries,
 * because the text is already analysed: the query text never meets an Elasticsearch analyser.
 */
final class ElasticsearchQueries {
    private ElasticsearchQueries() {}

    static Query search(QueryPlan plan) {
        BoolQuery.Builder outer = new BoolQuery.Builder();
        if (plan.matchAll()) {
            outer.must(MatchAllQuery.of(all -> all)._toQuery());
        } else {
            if (!plan.groups().isEmpty()) {
                List<Query> groups = plan.groups().stream().map(ElasticsearchQueries::group).toList();
                outer.should(BoolQuery.of(words -> words.should(groups)
                        .minimumShouldMatch(Integer.toString(plan.minimumShouldMatch())))._toQuery());
            }
            plan.phrases().forEach(phrase -> outer.must(phrase(phrase)));
            if (!plan.exactValues().isEmpty()) {
                outer.should(constant(terms(IndexFields.NAME_EXACT, plan.exactValues()), IndexFields.EXACT_NAME_BOOST));
            }
            // with filters present Elasticsearch would otherwise let should clauses be optional
            outer.minimumShouldMatch(plan.groups().isEmpty() && !plan.phrases().isEmpty() ? "0" : "1");
        }
        plan.filters().forEach(filter -> outer.filter(filter(filter)));
        if (plan.excludeDeprecated()) {
            outer.mustNot(term(IndexFields.DEPRECATED, "true", null));
        }
        return byRecency(byRankBoost(outer.build()._toQuery()), plan.now());
    }

    static Query suggest(SuggestPlan plan) {
        BoolQuery.Builder query = new BoolQuery.Builder();
        query.should(constant(term(IndexFields.NAME_START, plan.whole(), null), SuggestPlan.NAME_START_BOOST));
        for (String word : plan.words()) {
            query.must(constant(prefix(word), 1f));
        }
        QueryPlan.liveOnly().forEach(filter -> query.filter(filter(filter)));
        return byRankBoost(query.build()._toQuery());
    }

    /** Only asset documents: the count of an index leaves out its metadata document. */
    static Query assetsOnly() {
        return term(ElasticsearchMappings.KIND, ElasticsearchMappings.KIND_ASSET, null);
    }

    private static Query byRankBoost(Query query) {
        return FunctionScoreQuery.of(function -> function
                        .query(query)
                        .functions(f -> f.fieldValueFactor(v -> v.field(IndexFields.RANK_BOOST)
                                .factor(1.0)
                                .modifier(FieldValueFactorModifier.None)
                                .missing(1.0)))
                        .boostMode(FunctionBoostMode.Multiply))
                ._toQuery();
    }

    /**
     * Multiplies by {@code 1 + RECENCY_WEIGHT x gauss(updated_at)}: the sum of a weighted decay
     * function and a constant, which Elasticsearch computes without scripts.
     */
    private static Query byRecency(Query query, long now) {
        return FunctionScoreQuery.of(function -> function
                        .query(query)
                        .functions(f -> f.gauss(g -> g.numeric(n -> n.field(IndexFields.UPDATED_AT).placement(p -> p
                                        .origin((double) now)
                                        .scale((double) Ranking.RECENCY_SCALE_MILLIS)
                                        .offset(0.0)
                                        .decay(Ranking.RECENCY_DECAY))))
                                .weight(Ranking.RECENCY_WEIGHT))
                        .functions(f -> f.weight(1.0))
                        .scoreMode(FunctionScoreMode.Sum)
                        .boostMode(FunctionBoostMode.Multiply))
                ._toQuery();
    }

    /** A quoted phrase, as {@code LuceneQueries} builds it: tokens adjacent and in order, in any text field. */
    private static Query phrase(List<String> tokens) {
        List<Query> alternatives = new ArrayList<>();
        String text = String.join(" ", tokens);
        for (IndexFields.TextField field : IndexFields.TEXT_FIELDS) {
            alternatives.add(tokens.size() == 1
                    ? term(field.name(), text, field.boost())
                    : MatchPhraseQuery.of(phrase -> phrase.field(field.name()).query(text).analyzer("whitespace").boost(field.boost()))
                            ._toQuery());
        }
        return DisMaxQuery.of(max -> max.queries(alternatives).tieBreaker((double) IndexFields.TIE_BREAKER))._toQuery();
    }

    private static Query group(QueryPlan.WordGroup group) {
        Query tokens = null;
        if (!group.tokens().isEmpty()) {
            List<Query> all = group.tokens().stream().map(ElasticsearchQueries::token).toList();
            tokens = BoolQuery.of(bool -> bool.must(all))._toQuery();
        }
        if (group.prefix() == null) {
            return tokens;
        }
        Query prefix = constant(prefix(group.prefix()), IndexFields.PREFIX_BOOST);
        if (tokens == null) {
            return prefix;
        }
        List<Query> either = List.of(tokens, prefix);
        return DisMaxQuery.of(max -> max.queries(either).tieBreaker(0.0))._toQuery();
    }

    /** As {@code LuceneQueries}: the start of a word of the name or a label, or of the whole of either. */
    private static Query prefix(String typed) {
        List<Query> either = List.of(term(IndexFields.PREFIXES, typed, null), term(IndexFields.NAME_START, typed, null));
        return BoolQuery.of(bool -> bool.should(either).minimumShouldMatch("1"))._toQuery();
    }

    private static Query token(QueryPlan.TokenClause token) {
        List<Query> alternatives = new ArrayList<>();
        for (IndexFields.TextField field : IndexFields.TEXT_FIELDS) {
            alternatives.add(term(field.name(), token.term(), field.boost()));
            if (token.fuzzyEdits() > 0 && field.fuzzyBoost() > 0) {
                alternatives.add(FuzzyQuery.of(fuzzy -> fuzzy
                                .field(field.name())
                                .value(token.term())
                                .fuzziness(Integer.toString(token.fuzzyEdits()))
                                .prefixLength(QueryPlan.FUZZY_PREFIX_LENGTH)
                                .maxExpansions(QueryPlan.FUZZY_EXPANSIONS)
                                .transpositions(true)
                                .boost(field.fuzzyBoost()))
                        ._toQuery());
            }
        }
        return DisMaxQuery.of(max -> max.queries(alternatives).tieBreaker((double) IndexFields.TIE_BREAKER))._toQuery();
    }

    private static Query filter(QueryPlan.FilterClause clause) {
        if (clause.anyOf().size() == 1) {
            Map.Entry<String, List<String>> only = clause.anyOf().entrySet().iterator().next();
            return terms(only.getKey(), only.getValue());
        }
        List<Query> any = new ArrayList<>();
        clause.anyOf().forEach((field, values) -> any.add(terms(field, values)));
        return BoolQuery.of(bool -> bool.should(any).minimumShouldMatch("1"))._toQuery();
    }

    private static Query term(String field, String value, Float boost) {
        return TermQuery.of(term -> term.field(field).value(value).boost(boost))._toQuery();
    }

    private static Query terms(String field, List<String> values) {
        List<FieldValue> fieldValues = values.stream().map(FieldValue::of).toList();
        return TermsQuery.of(terms -> terms.field(field).terms(set -> set.value(fieldValues)))._toQuery();
    }

    private static Query constant(Query filter, float boost) {
        return ConstantScoreQuery.of(constant -> constant.filter(filter).boost(boost))._toQuery();
    }
}

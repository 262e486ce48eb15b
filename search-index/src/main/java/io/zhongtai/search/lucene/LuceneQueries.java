package io.zhongtai.search.lucene;

import io.zhongtai.search.schema.IndexFields;
import io.zhongtai.search.schema.QueryPlan;
import io.zhongtai.search.schema.SuggestPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Translates the shared plans into Lucene queries. Mirrors {@code ElasticsearchQueries} clause
 * for clause; see {@link QueryPlan} for the formula.
 */
final class LuceneQueries {
    private LuceneQueries() {}

    static Query search(QueryPlan plan) {
        BooleanQuery.Builder outer = new BooleanQuery.Builder();
        Query exact = plan.exactValues().isEmpty()
                ? null
                : new BoostQuery(new ConstantScoreQuery(terms(IndexFields.NAME_EXACT, plan.exactValues())), IndexFields.EXACT_NAME_BOOST);
        if (plan.matchAll()) {
            outer.add(new MatchAllDocsQuery(), Occur.MUST);
        } else {
            // the words, or the exact name: a pasted identifier holds words no field has (table:)
            if (!plan.groups().isEmpty()) {
                BooleanQuery.Builder words = new BooleanQuery.Builder();
                plan.groups().forEach(group -> words.add(group(group), Occur.SHOULD));
                words.setMinimumNumberShouldMatch(plan.minimumShouldMatch());
                outer.add(words.build(), Occur.SHOULD);
            }
            plan.phrases().forEach(phrase -> outer.add(phrase(phrase), Occur.MUST));
            if (exact != null) {
                outer.add(exact, Occur.SHOULD);
            }
            outer.setMinimumNumberShouldMatch(plan.groups().isEmpty() && !plan.phrases().isEmpty() ? 0 : 1);
        }
        plan.filters().forEach(filter -> outer.add(filter(filter), Occur.FILTER));
        if (plan.excludeDeprecated()) {
            outer.add(new TermQuery(new Term(IndexFields.DEPRECATED, "true")), Occur.MUST_NOT);
        }
        Query ranked = FunctionScoreQuery.boostByValue(outer.build(), DoubleValuesSource.fromFloatField(IndexFields.RANK_BOOST));
        return FunctionScoreQuery.boostByValue(ranked, new RecencySource(plan.now()));
    }

    static Query suggest(SuggestPlan plan) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        query.add(
                new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(IndexFields.NAME_START, plan.whole()))), SuggestPlan.NAME_START_BOOST),
                Occur.SHOULD);
        for (String word : plan.words()) {
            query.add(new ConstantScoreQuery(prefix(word)), Occur.MUST);
        }
        QueryPlan.liveOnly().forEach(filter -> query.add(filter(filter), Occur.FILTER));
        return FunctionScoreQuery.boostByValue(query.build(), DoubleValuesSource.fromFloatField(IndexFields.RANK_BOOST));
    }

    private static Query group(QueryPlan.WordGroup group) {
        Query tokens = null;
        if (!group.tokens().isEmpty()) {
            BooleanQuery.Builder all = new BooleanQuery.Builder();
            group.tokens().forEach(token -> all.add(token(token), Occur.MUST));
            tokens = all.build();
        }
        if (group.prefix() == null) {
            return tokens;
        }
        Query prefix = new BoostQuery(new ConstantScoreQuery(prefix(group.prefix())), IndexFields.PREFIX_BOOST);
        return tokens == null ? prefix : new DisjunctionMaxQuery(List.of(tokens, prefix), 0f);
    }

    /** A quoted phrase: its tokens next to each other, in order, in any one text field; no typos. */
    private static Query phrase(List<String> tokens) {
        List<Query> alternatives = new ArrayList<>();
        for (IndexFields.TextField field : IndexFields.TEXT_FIELDS) {
            Query query = tokens.size() == 1
                    ? new TermQuery(new Term(field.name(), tokens.get(0)))
                    : new PhraseQuery(field.name(), tokens.toArray(String[]::new));
            alternatives.add(new BoostQuery(query, field.boost()));
        }
        return new DisjunctionMaxQuery(alternatives, IndexFields.TIE_BREAKER);
    }

    /** The start of a word of the name or a label, or of the whole name or a whole label. */
    private static Query prefix(String typed) {
        return new BooleanQuery.Builder()
                .add(new TermQuery(new Term(IndexFields.PREFIXES, typed)), Occur.SHOULD)
                .add(new TermQuery(new Term(IndexFields.NAME_START, typed)), Occur.SHOULD)
                .build();
    }

    private static Query token(QueryPlan.TokenClause token) {
        List<Query> alternatives = new ArrayList<>();
        for (IndexFields.TextField field : IndexFields.TEXT_FIELDS) {
            alternatives.add(new BoostQuery(new TermQuery(new Term(field.name(), token.term())), field.boost()));
            if (token.fuzzyEdits() > 0 && field.fuzzyBoost() > 0) {
                FuzzyQuery fuzzy = new FuzzyQuery(
                        new Term(field.name(), token.term()), token.fuzzyEdits(), QueryPlan.FUZZY_PREFIX_LENGTH,
                        QueryPlan.FUZZY_EXPANSIONS, true);
                alternatives.add(new BoostQuery(fuzzy, field.fuzzyBoost()));
            }
        }
        return new DisjunctionMaxQuery(alternatives, IndexFields.TIE_BREAKER);
    }

    private static Query filter(QueryPlan.FilterClause clause) {
        if (clause.anyOf().size() == 1) {
            Map.Entry<String, List<String>> only = clause.anyOf().entrySet().iterator().next();
            return terms(only.getKey(), only.getValue());
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        clause.anyOf().forEach((field, values) -> any.add(terms(field, values), Occur.SHOULD));
        return any.build();
    }

    private static Query terms(String field, List<String> values) {
        return new TermInSetQuery(field, values.stream().map(BytesRef::new).toList());
    }
}

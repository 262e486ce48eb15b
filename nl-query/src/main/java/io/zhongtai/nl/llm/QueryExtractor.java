package io.zhongtai.nl.llm;

import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.V;

/** The LangChain4j AI service: a question in, a typed {@link LlmQuery} out. */
interface QueryExtractor {
    @SystemMessage("""
            You turn business questions in English or Chinese into a structured metric query over a governed
            metrics catalog. You never write SQL. Use only the metric, dimension and value names the catalog
            lists, exactly as spelled there. Dates are ISO YYYY-MM-DD and inclusive; "today" is the asOf date.
            Conventions: "this month/quarter/year" is the whole calendar period holding asOf, "last month" the one
            before; "the last N days" are the N days before asOf; "the last N months" the N whole months before
            the current one; weeks start on Monday. A trend over time uses the dimension metric_time with a
            grain. Top N: orderBy the metric, direction desc, limit N; "which X had the highest Y": dimension X,
            orderBy Y desc, limit 1. Year-over-year is the comparison same_period_last_year, month-over-month
            (环比) is previous_period. Several values of one dimension: one filter with those values and that
            dimension in dimensions. If a metric cannot be split or filtered by the asked dimension, set
            cannotAnswer true and say why in reason.""")
    @UserMessage("""
            Catalog:
            {{catalog}}

            Examples:
            {{examples}}

            Previous query in this conversation (apply the new question's changes to it), or none:
            {{previous}}

            asOf: {{asOf}}
            Question: {{question}}""")
    LlmQuery extract(@V("catalog") String catalog, @V("examples") String examples, @V("previous") String previous,
            @V("asOf") String asOf, @V("question") String question);
}

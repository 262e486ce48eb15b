package io.zhongtai.nl.llm;

import java.util.List;

/**
 * What the LLM returns, as typed output of the AI service: a metric query in parts that are each
 * checked against the catalog before anything uses them. Filters are structured (a dimension and
 * values), never text: the parser writes the filter expressions itself from known values.
 *
 * @param grain day, week, month, quarter or year, or null
 * @param startDate inclusive, YYYY-MM-DD, or null
 * @param endDate inclusive, YYYY-MM-DD, or null
 * @param comparisons previous_period and/or same_period_last_year
 * @param orderBy a metric name or metric_time, or null
 * @param direction asc or desc
 * @param cannotAnswer true when the catalog has no truthful reading
 * @param reason why, when cannotAnswer
 */
public record LlmQuery(
        List<String> metrics,
        List<String> dimensions,
        String grain,
        List<Filter> filters,
        String startDate,
        String endDate,
        List<String> comparisons,
        String orderBy,
        String direction,
        Integer limit,
        Boolean cannotAnswer,
        String reason) {

    /** One filter: the dimension's values to keep, or with exclude to leave out. */
    public record Filter(String dimension, List<String> values, Boolean exclude) {}
}

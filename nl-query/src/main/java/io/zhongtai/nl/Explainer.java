package io.zhongtai.nl;

import io.zhongtai.metrics.catalog.DimensionInfo;
import io.zhongtai.metrics.catalog.MetricCatalog;
import io.zhongtai.metrics.catalog.MetricInfo;
import io.zhongtai.metrics.model.Comparison;
import io.zhongtai.metrics.model.DimensionValue;
import io.zhongtai.metrics.model.TimeGrain;
import io.zhongtai.metrics.query.MetricQuery;
import io.zhongtai.metrics.query.OrderBy;
import io.zhongtai.metrics.query.SortDirection;
import io.zhongtai.metrics.query.TimeRange;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says in words, in the question's language, what a metric query asks: the metrics by their
 * labels, the grouping, the filters with value labels, the dates, the order and the
 * comparisons. This is what a person checks the interpretation against.
 */
public final class Explainer {
    private static final Pattern FILTER = Pattern.compile(
            "^(\\w+)\\s*(=|<>|!=|NOT IN|IN)\\s*\\(?(.*?)\\)?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern QUOTED = Pattern.compile("'((?:[^']|'')*)'");

    private final MetricCatalog catalog;

    public Explainer(MetricCatalog catalog) {
        this.catalog = catalog;
    }

    /** One sentence describing the query. */
    public String describe(MetricQuery query, Language language) {
        boolean zh = language == Language.ZH;
        List<String> metricLabels = query.metrics().stream().map(m -> metricLabel(m, language)).toList();
        String metrics = String.join(zh ? "、" : ", ", metricLabels);
        List<String> dims = new ArrayList<>();
        for (String dimension : query.dimensions()) {
            if (dimension.startsWith("metric_time")) {
                dims.add(grainLabel(query.grain() == null ? TimeGrain.DAY : query.grain(), language));
            } else {
                dims.add(dimensionLabel(dimension, language));
            }
        }
        List<String> filters = query.filters().stream().map(f -> filterText(f, language)).toList();
        StringBuilder out = new StringBuilder();
        if (zh) {
            out.append(rangeText(query.timeRange(), language));
            if (!filters.isEmpty()) {
                out.append(String.join("，", filters)).append("，");
            }
            out.append(metrics);
            if (!dims.isEmpty()) {
                out.append("，按").append(String.join("和", dims)).append("分组");
            }
            orderText(query, language, out);
            comparisonText(query, language, out);
            out.append("。");
        } else {
            out.append(metrics);
            if (!dims.isEmpty()) {
                out.append(" by ").append(String.join(" and ", dims));
            }
            if (!filters.isEmpty()) {
                out.append(", where ").append(String.join(" and ", filters));
            }
            out.append(", ").append(rangeText(query.timeRange(), language));
            orderText(query, language, out);
            comparisonText(query, language, out);
            out.append(".");
        }
        return out.toString();
    }

    private void orderText(MetricQuery query, Language language, StringBuilder out) {
        if (query.orderBy().isEmpty()) {
            return;
        }
        OrderBy order = query.orderBy().get(0);
        if (order.field().startsWith("metric_time")) {
            out.append(language == Language.ZH ? "，按时间顺序" : ", in time order");
            return;
        }
        String field = metricLabel(order.field(), language);
        boolean desc = order.direction() == SortDirection.DESC;
        if (language == Language.ZH) {
            if (query.limit() != null) {
                out.append("，取").append(field).append(desc ? "最高的前" : "最低的").append(query.limit()).append("个");
            } else {
                out.append("，按").append(field).append(desc ? "从高到低排序" : "从低到高排序");
            }
        } else if (query.limit() != null) {
            out.append(", ").append(desc ? "top " : "bottom ").append(query.limit()).append(" by ").append(field);
        } else {
            out.append(", sorted by ").append(field).append(desc ? ", highest first" : ", lowest first");
        }
    }

    private static void comparisonText(MetricQuery query, Language language, StringBuilder out) {
        for (Comparison comparison : query.comparisons()) {
            if (language == Language.ZH) {
                out.append(comparison == Comparison.SAME_PERIOD_LAST_YEAR ? "，并与去年同期比较（同比）" : "，并与上一周期比较（环比）");
            } else {
                out.append(comparison == Comparison.SAME_PERIOD_LAST_YEAR
                        ? ", compared with the same period a year earlier" : ", compared with the previous period");
            }
        }
    }

    /** The dates in words: "from 2025-12-01 to 2025-12-31", "2025年12月1日至2025年12月31日". */
    public static String rangeText(TimeRange range, Language language) {
        boolean zh = language == Language.ZH;
        if (range == null) {
            return zh ? "全部日期内，" : "over all dates";
        }
        if (range.start() == null) {
            return zh ? "截至" + zhDate(range.end()) + "，" : "up to " + range.end();
        }
        if (range.end() == null) {
            return zh ? zhDate(range.start()) + "以来，" : "since " + range.start();
        }
        if (range.start().equals(range.end())) {
            return zh ? zhDate(range.start()) + "，" : "on " + range.start();
        }
        return zh ? zhDate(range.start()) + "至" + zhDate(range.end()) + "，" : "from " + range.start() + " to " + range.end();
    }

    private static String zhDate(java.time.LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    public String metricLabel(String name, Language language) {
        String base = name;
        String suffix = "";
        int separator = name.indexOf("__");
        if (separator > 0) {
            base = name.substring(0, separator);
            suffix = name.substring(separator);
        }
        String label = catalog.metric(base).map(m -> label(m, language)).orElse(base);
        if (suffix.isEmpty()) {
            return label;
        }
        boolean yoy = suffix.contains("same_period_last_year");
        if (language == Language.ZH) {
            return label + (yoy ? "同比" : "环比") + (suffix.endsWith("_growth") ? "增长率" : suffix.endsWith("_diff") ? "变化" : "基期值");
        }
        return label + (yoy ? " vs a year earlier" : " vs previous period")
                + (suffix.endsWith("_growth") ? " (growth)" : suffix.endsWith("_diff") ? " (difference)" : " (earlier value)");
    }

    private static String label(MetricInfo metric, Language language) {
        return language == Language.ZH && metric.labels().zh() != null ? metric.labels().zh() : metric.labels().en();
    }

    public String dimensionLabel(String name, Language language) {
        return catalog.dimension(name)
                .map(d -> language == Language.ZH && d.labels().zh() != null ? d.labels().zh() : d.labels().en().toLowerCase(java.util.Locale.ROOT))
                .orElse(name);
    }

    public static String grainLabel(TimeGrain grain, Language language) {
        if (language == Language.ZH) {
            return switch (grain) {
                case DAY -> "天";
                case WEEK -> "周";
                case MONTH -> "月";
                case QUARTER -> "季度";
                case YEAR -> "年";
            };
        }
        return grain.value();
    }

    private String filterText(String filter, Language language) {
        Matcher matcher = FILTER.matcher(filter.trim());
        if (!matcher.matches()) {
            return filter;
        }
        String dimension = matcher.group(1);
        String operator = matcher.group(2).toUpperCase(java.util.Locale.ROOT);
        List<String> values = new ArrayList<>();
        Matcher quoted = QUOTED.matcher(matcher.group(3));
        while (quoted.find()) {
            values.add(valueLabel(dimension, quoted.group(1).replace("''", "'"), language));
        }
        boolean negated = operator.equals("<>") || operator.equals("!=") || operator.equals("NOT IN");
        String dimensionLabel = dimensionLabel(dimension, language);
        if (language == Language.ZH) {
            return dimensionLabel + (negated ? "不是" : "为") + String.join("或", values);
        }
        return dimensionLabel + (negated ? " is not " : " is ") + String.join(" or ", values);
    }

    private String valueLabel(String dimension, String value, Language language) {
        DimensionInfo info = catalog.dimension(dimension).orElse(null);
        if (info != null) {
            for (DimensionValue known : info.values()) {
                if (known.value().equals(value)) {
                    if (language == Language.ZH && known.labelZh() != null) {
                        return known.labelZh();
                    }
                    return known.labelEn() != null ? known.labelEn() : value;
                }
            }
        }
        return value;
    }
}

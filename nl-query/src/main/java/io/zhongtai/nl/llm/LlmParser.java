package io.zhongtai.nl.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.service.AiServices;
import io.zhongtai.metrics.catalog.DimensionInfo;
import io.zhongtai.metrics.catalog.MetricCatalog;
import io.zhongtai.metrics.catalog.MetricInfo;
import io.zhongtai.metrics.model.Comparison;
import io.zhongtai.metrics.model.DimensionType;
import io.zhongtai.metrics.model.DimensionValue;
import io.zhongtai.metrics.model.TimeGrain;
import io.zhongtai.metrics.query.MetricQuery;
import io.zhongtai.metrics.query.OrderBy;
import io.zhongtai.metrics.query.SortDirection;
import io.zhongtai.metrics.query.TimeRange;
import io.zhongtai.nl.Intent;
import io.zhongtai.nl.Interpretation;
import io.zhongtai.nl.Language;
import io.zhongtai.nl.ParseRequest;
import io.zhongtai.nl.QueryJson;
import io.zhongtai.nl.QuestionParser;
import io.zhongtai.nl.feedback.Feedback;
import io.zhongtai.nl.lexicon.Lexicon;
import io.zhongtai.nl.parse.Filters;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads questions with an LLM through a LangChain4j AI service that returns a typed
 * {@link LlmQuery}, with the catalog's names, values and a few examples (built-in ones and
 * corrected pairs from feedback) in the prompt. Every part of the LLM's answer is checked against
 * the catalog and rebuilt here (filters from known values only); anything unknown, a timeout or
 * an error, and the deterministic parser answers instead.
 */
public final class LlmParser implements QuestionParser {
    private static final Logger LOG = LoggerFactory.getLogger(LlmParser.class);
    private static final int MAX_LISTED_VALUES = 60;

    private final QueryExtractor extractor;
    private final QuestionParser fallback;
    private final Lexicon lexicon;
    private final MetricCatalog catalog;
    private final Duration timeout;
    private final Supplier<List<Feedback>> feedback;
    private final String catalogText;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "llm-parser");
        thread.setDaemon(true);
        return thread;
    });

    public LlmParser(ChatModel model, Lexicon lexicon, QuestionParser fallback, Duration timeout, Supplier<List<Feedback>> feedback) {
        this.extractor = AiServices.create(QueryExtractor.class, model);
        this.fallback = fallback;
        this.lexicon = lexicon;
        this.catalog = lexicon.catalog();
        this.timeout = timeout;
        this.feedback = feedback;
        this.catalogText = describeCatalog();
    }

    @Override
    public String name() {
        return "llm";
    }

    @Override
    public Interpretation parse(ParseRequest request) {
        LlmQuery answer;
        try {
            String previous = request.previous() == null ? "none" : QueryJson.write(request.previous());
            CompletableFuture<LlmQuery> call = CompletableFuture.supplyAsync(() -> extractor.extract(catalogText, examples(),
                    previous, request.asOf().toString(), request.question()), executor);
            answer = call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.info("The LLM did not answer ({}); the deterministic parser reads the question", e.toString());
            return fallback.parse(request);
        }
        MetricQuery query = toQuery(answer, request.warehouse());
        if (query == null) {
            LOG.info("The LLM's reading names something the catalog does not have; the deterministic parser reads the question");
            return fallback.parse(request);
        }
        return new Interpretation.Answer(query, Language.of(request.question()), intents(query), List.of());
    }

    /** The LLM's answer as a metric query, or null when any part of it is not in the catalog. */
    MetricQuery toQuery(LlmQuery answer, String warehouse) {
        if (answer == null || Boolean.TRUE.equals(answer.cannotAnswer()) || answer.metrics() == null || answer.metrics().isEmpty()) {
            return null;
        }
        for (String metric : answer.metrics()) {
            if (catalog.metric(metric).isEmpty()) {
                return null;
            }
        }
        List<String> dimensions = new ArrayList<>();
        for (String dimension : answer.dimensions() == null ? List.<String>of() : answer.dimensions()) {
            if (!dimension.equals("metric_time") && catalog.dimension(dimension).isEmpty()) {
                return null;
            }
            dimensions.add(dimension);
        }
        TimeGrain grain = null;
        if (answer.grain() != null && !answer.grain().isBlank()) {
            try {
                grain = TimeGrain.fromValue(answer.grain());
            } catch (RuntimeException e) {
                return null;
            }
            if (!dimensions.contains("metric_time")) {
                dimensions.add("metric_time");
            }
        }
        List<String> filters = new ArrayList<>();
        for (LlmQuery.Filter filter : answer.filters() == null ? List.<LlmQuery.Filter>of() : answer.filters()) {
            if (filter.dimension() == null || catalog.dimension(filter.dimension()).isEmpty() || filter.values() == null
                    || filter.values().isEmpty()) {
                return null;
            }
            List<String> values = new ArrayList<>();
            for (String value : filter.values()) {
                String known = known(filter.dimension(), value);
                if (known == null) {
                    return null;
                }
                values.add(known);
            }
            filters.add(Filters.equality(filter.dimension(), values, Boolean.TRUE.equals(filter.exclude())));
        }
        TimeRange range = null;
        try {
            LocalDate start = answer.startDate() == null || answer.startDate().isBlank() ? null : LocalDate.parse(answer.startDate());
            LocalDate end = answer.endDate() == null || answer.endDate().isBlank() ? null : LocalDate.parse(answer.endDate());
            range = start == null && end == null ? null : new TimeRange(start, end);
        } catch (RuntimeException e) {
            return null;
        }
        List<Comparison> comparisons = new ArrayList<>();
        for (String comparison : answer.comparisons() == null ? List.<String>of() : answer.comparisons()) {
            try {
                comparisons.add(Comparison.fromValue(comparison));
            } catch (RuntimeException e) {
                return null;
            }
        }
        List<OrderBy> orderBy = new ArrayList<>();
        if (answer.orderBy() != null && !answer.orderBy().isBlank()) {
            if (!answer.metrics().contains(answer.orderBy()) && !answer.orderBy().equals("metric_time")) {
                return null;
            }
            orderBy.add(new OrderBy(answer.orderBy(),
                    "desc".equalsIgnoreCase(answer.direction()) ? SortDirection.DESC : SortDirection.ASC));
        }
        Integer limit = answer.limit();
        if (limit != null && (limit < 1 || limit > MetricQuery.DEFAULT_LIMIT)) {
            return null;
        }
        return new MetricQuery(answer.metrics(), dimensions, grain, filters, range, comparisons, orderBy, limit, warehouse);
    }

    private String known(String dimension, String value) {
        Set<String> values = lexicon.values(dimension);
        if (values.isEmpty()) {
            return null;
        }
        for (String candidate : values) {
            if (candidate.equalsIgnoreCase(value.trim())) {
                return candidate;
            }
        }
        for (DimensionInfo info : catalog.dimensions()) {
            if (info.name().equals(dimension)) {
                for (DimensionValue known : info.values()) {
                    if (value.equals(known.labelZh()) || value.equalsIgnoreCase(String.valueOf(known.labelEn()))) {
                        return known.value();
                    }
                }
            }
        }
        return null;
    }

    private static Set<Intent> intents(MetricQuery query) {
        Set<Intent> intents = EnumSet.noneOf(Intent.class);
        boolean time = query.dimensions().contains("metric_time");
        boolean categorical = query.dimensions().stream().anyMatch(d -> !d.equals("metric_time"));
        if (time) {
            intents.add(Intent.TREND);
        }
        if (categorical) {
            intents.add(Intent.BREAKDOWN);
        }
        if (!time && !categorical) {
            intents.add(Intent.VALUE);
        }
        if (query.limit() != null) {
            intents.add(query.limit() == 1 ? Intent.WHICH_HIGHEST : Intent.TOP_N);
        }
        if (!query.filters().isEmpty()) {
            intents.add(Intent.FILTER);
        }
        if (!query.comparisons().isEmpty()) {
            intents.add(Intent.COMPARISON);
        }
        return intents;
    }

    private String describeCatalog() {
        StringBuilder out = new StringBuilder("Metrics (name: English label / Chinese label; synonyms; dimensions it can be split by):\n");
        for (MetricInfo metric : catalog.metrics()) {
            out.append("- ").append(metric.name()).append(": ").append(metric.labels().en()).append(" / ")
                    .append(metric.labels().zh() == null ? "-" : metric.labels().zh()).append("; ")
                    .append(String.join(", ", metric.labels().allNames())).append("; dimensions: metric_time, ")
                    .append(String.join(", ", metric.dimensions())).append('\n');
        }
        out.append("Dimensions (name: labels; values as stored = label):\n");
        for (DimensionInfo dimension : catalog.dimensions()) {
            if (dimension.type() == DimensionType.TIME) {
                continue;
            }
            out.append("- ").append(dimension.name()).append(": ").append(String.join(", ", dimension.labels().allNames()));
            Set<String> values = lexicon.values(dimension.name());
            if (!values.isEmpty() && values.size() <= MAX_LISTED_VALUES) {
                List<String> shown = new ArrayList<>();
                for (String value : values) {
                    String label = dimension.values().stream().filter(v -> v.value().equals(value)).map(DimensionValue::labelZh)
                            .filter(java.util.Objects::nonNull).findFirst().orElse(null);
                    shown.add(label == null ? value : value + "=" + label);
                }
                out.append("; values: ").append(String.join(", ", shown));
            } else if (!values.isEmpty()) {
                out.append("; ").append(values.size()).append(" values, named as stored");
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static final List<String> BUILT_IN_EXAMPLES = List.of(
            "Q (asOf 2026-01-01): top 5 categories by gross margin in Q3 2025 -> "
                    + "{\"metrics\":[\"gross_margin\"],\"dimensions\":[\"category\"],\"startDate\":\"2025-07-01\",\"endDate\":\"2025-09-30\","
                    + "\"orderBy\":\"gross_margin\",\"direction\":\"desc\",\"limit\":5}",
            "Q (asOf 2026-01-01): 上个月华东地区线上渠道的客单价是多少？ -> "
                    + "{\"metrics\":[\"avg_order_value\"],\"filters\":[{\"dimension\":\"region\",\"values\":[\"East\"]},"
                    + "{\"dimension\":\"channel\",\"values\":[\"online\"]}],\"startDate\":\"2025-12-01\",\"endDate\":\"2025-12-31\"}",
            "Q (asOf 2026-01-01): 2025年每月销售额环比 -> {\"metrics\":[\"gmv\"],\"dimensions\":[\"metric_time\"],\"grain\":\"month\","
                    + "\"startDate\":\"2025-01-01\",\"endDate\":\"2025-12-31\",\"comparisons\":[\"previous_period\"]}");

    private String examples() {
        List<String> lines = new ArrayList<>(BUILT_IN_EXAMPLES);
        for (Feedback item : feedback.get()) {
            MetricQuery example = item.example();
            if (example != null) {
                lines.add("Q (corrected by a user): " + item.question() + " -> " + QueryJson.write(example));
            }
            if (lines.size() >= BUILT_IN_EXAMPLES.size() + 10) {
                break;
            }
        }
        return String.join("\n", lines).toLowerCase(Locale.ROOT).equals("") ? "none" : String.join("\n", lines);
    }
}

package io.zhongtai.nl.parse;

import io.zhongtai.metrics.catalog.DimensionInfo;
import io.zhongtai.metrics.catalog.MetricCatalog;
import io.zhongtai.metrics.catalog.MetricInfo;
import io.zhongtai.metrics.model.Comparison;
import io.zhongtai.metrics.model.DimensionType;
import io.zhongtai.metrics.model.TimeGrain;
import io.zhongtai.metrics.query.MetricQuery;
import io.zhongtai.metrics.query.OrderBy;
import io.zhongtai.metrics.query.SortDirection;
import io.zhongtai.metrics.query.TimeRange;
import io.zhongtai.nl.Explainer;
import io.zhongtai.nl.Intent;
import io.zhongtai.nl.Interpretation;
import io.zhongtai.nl.Language;
import io.zhongtai.nl.Option;
import io.zhongtai.nl.ParseRequest;
import io.zhongtai.nl.QuestionParser;
import io.zhongtai.nl.embed.ParaphraseLinker;
import io.zhongtai.nl.lexicon.Lexicon;
import io.zhongtai.nl.lexicon.Mention;
import io.zhongtai.nl.lexicon.TermKind;
import io.zhongtai.nl.lexicon.TermLinker;
import io.zhongtai.nl.lexicon.TermRef;
import io.zhongtai.nl.parse.Cues.ComparisonCue;
import io.zhongtai.nl.parse.Cues.GrainCue;
import io.zhongtai.nl.parse.Cues.OrderCue;
import io.zhongtai.nl.parse.Cues.Span;
import io.zhongtai.nl.text.ChineseSegmenter;
import io.zhongtai.nl.text.Normalizer;
import io.zhongtai.nl.text.Token;
import io.zhongtai.nl.text.Tokenizer;
import io.zhongtai.nl.time.TimeExpressions;
import io.zhongtai.nl.time.TimeFamily;
import io.zhongtai.nl.time.TimeMention;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The default parser: no network, no model but the optional in-process embeddings, a few
 * milliseconds a question. It finds time expressions, the cues of a question's shape
 * ({@link Cues}) and the catalog's names ({@link TermLinker}), and assembles one
 * {@link MetricQuery}, or a clarifying question when two readings are close, or a truthful
 * "cannot" when a metric cannot reach what was asked. It writes filter-language expressions
 * only from known dimension names and known values; never SQL.
 */
public final class DeterministicParser implements QuestionParser {
    /** Metrics offered when a question names none, in this order where the catalog has them. */
    private static final List<String> COMMON_METRICS = List.of("gmv", "order_count", "units_sold", "avg_order_value");
    /** Names a catalog may give the amount sold ("how much did we sell") and the units sold ("how many did we sell"). */
    private static final List<String> AMOUNT_SOLD_NAMES = List.of("sales amount", "sales", "revenue", "销售额", "成交额");
    private static final List<String> UNITS_SOLD_NAMES = List.of("units sold", "quantity sold", "销量", "销售件数");

    private final Lexicon lexicon;
    private final MetricCatalog catalog;
    private final MetricFacts facts;
    private final ParaphraseLinker paraphrases;
    private final Tokenizer tokenizer = new Tokenizer(ChineseSegmenter.get());
    private final TimeExpressions timeExpressions = new TimeExpressions();
    private final TermLinker linker;
    private final Explainer explainer;

    public DeterministicParser(Lexicon lexicon, MetricFacts facts, ParaphraseLinker paraphrases) {
        this.lexicon = lexicon;
        this.catalog = lexicon.catalog();
        this.facts = facts;
        this.paraphrases = paraphrases;
        this.linker = new TermLinker(lexicon);
        this.explainer = new Explainer(catalog);
    }

    @Override
    public String name() {
        return "deterministic";
    }

    public Lexicon lexicon() {
        return lexicon;
    }

    @Override
    public Interpretation parse(ParseRequest request) {
        return new Run(request).interpret();
    }

    /** The state of parsing one question. */
    private final class Run {
        private final ParseRequest request;
        private final Language language;
        private final String text;
        private final LocalDate asOf;
        private final Set<Intent> intents = EnumSet.noneOf(Intent.class);
        private final List<String> notes = new ArrayList<>();
        private List<Token> tokens;
        private List<Mention> mentions;
        private final List<Mention> nounMentions = new ArrayList<>();

        Run(ParseRequest request) {
            this.request = request;
            this.language = Language.of(request.question());
            this.text = Normalizer.normalize(request.question());
            this.asOf = request.asOf();
        }

        Interpretation interpret() {
            if (text.isBlank()) {
                return cannot(say("The question is empty.", "问题是空的。"), null, List.of());
            }
            List<ComparisonCue> comparisonCues = Cues.comparisons(text);
            List<TimeMention> times = new ArrayList<>();
            for (TimeMention time : timeExpressions.find(text, asOf)) {
                if (comparisonCues.stream().noneMatch(c -> c.span().overlaps(time.start(), time.end()))) {
                    times.add(time);
                }
            }
            OrderCue order = Cues.order(text);
            if (order != null && overlapsTime(order.span(), times)) {
                order = null;
            }
            GrainCue grainCue = Cues.grain(text);
            if (grainCue != null && overlapsTime(grainCue.span(), times)) {
                grainCue = null;
            }
            Span trend = Cues.trend(text);
            Matcher selling = Cues.SELLING.matcher(text);
            Span sellingSpan = selling.find() ? new Span(selling.start(), selling.end()) : null;
            Span soldAmount = find(Cues.SOLD_AMOUNT);
            Span soldCount = soldAmount == null ? find(Cues.SOLD_COUNT) : null;

            List<Span> taken = new ArrayList<>();
            times.forEach(t -> taken.add(new Span(t.start(), t.end())));
            if (order != null) {
                taken.add(order.span());
            }
            if (grainCue != null) {
                taken.add(grainCue.span());
            }
            if (trend != null) {
                taken.add(trend);
            }
            if (sellingSpan != null) {
                taken.add(sellingSpan);
            }
            if (soldAmount != null) {
                taken.add(soldAmount);
            }
            if (soldCount != null) {
                taken.add(soldCount);
            }
            tokens = tokenizer.tokenize(text);
            mentions = linker.link(tokens, i -> taken.stream().anyMatch(s -> s.overlaps(tokens.get(i).start(), tokens.get(i).end())));

            // metrics ---------------------------------------------------------------------------
            List<String> metrics = new ArrayList<>();
            Set<Comparison> comparisons = new LinkedHashSet<>();
            comparisonCues.forEach(c -> comparisons.add(c.comparison()));
            List<Mention> metricMentions = new ArrayList<>();
            List<Mention> others = new ArrayList<>();
            for (Mention mention : mentions) {
                if (mention.has(TermKind.METRIC) && !(groupedBefore(mention) && mention.has(TermKind.DIMENSION))) {
                    metricMentions.add(mention);
                } else {
                    others.add(mention);
                }
            }
            if (metricMentions.size() > 1) {
                // "average order value for VIP customers": a metric word right after a value is the
                // noun the value describes, not a second metric
                List<Mention> nouns = metricMentions.stream().filter(this::followsValue).toList();
                if (nouns.size() < metricMentions.size()) {
                    metricMentions.removeAll(nouns);
                    nounMentions.addAll(nouns);
                }
            }
            List<String> periodOverPeriodOnly = new ArrayList<>();
            for (Mention mention : metricMentions) {
                List<TermRef> refs = mention.refs(TermKind.METRIC);
                if (refs.size() > 1) {
                    return clarifyMetric(mention, refs.stream().map(TermRef::name).toList(), null);
                }
                String metric = refs.get(0).name();
                var pop = facts.periodOverPeriod(metric);
                boolean insideComparisonWord = comparisonCues.stream()
                        .anyMatch(c -> c.span().start() <= mention.start() && mention.end() <= c.span().end());
                if (pop.isPresent() && insideComparisonWord) {
                    periodOverPeriodOnly.add(metric);
                    continue;
                }
                if (pop.isPresent()) {
                    comparisons.remove(pop.get().comparison());
                }
                if (!metrics.contains(metric)) {
                    metrics.add(metric);
                }
            }
            if (metrics.isEmpty() && !periodOverPeriodOnly.isEmpty()) {
                // 同比增长率 alone names the defined period-over-period metric
                String metric = periodOverPeriodOnly.get(0);
                metrics.add(metric);
                facts.periodOverPeriod(metric).ifPresent(p -> comparisons.remove(p.comparison()));
            } else {
                List<String> merged = new ArrayList<>();
                for (String metric : metrics) {
                    String replacement = metric;
                    for (String pop : periodOverPeriodOnly) {
                        var facts1 = facts.periodOverPeriod(pop).orElseThrow();
                        if (facts1.base().equals(metric)) {
                            replacement = pop;
                            comparisons.remove(facts1.comparison());
                        }
                    }
                    if (!merged.contains(replacement)) {
                        merged.add(replacement);
                    }
                }
                metrics = merged;
            }

            // dimensions and values -------------------------------------------------------------
            Map<String, Boolean> groupBy = new LinkedHashMap<>();
            List<Chain> chains = new ArrayList<>();
            TimeGrain grain = grainCue == null ? null : grainCue.grain();
            List<Option> ambiguous = new ArrayList<>();
            String ambiguousWord = null;
            for (int k = 0; k < others.size(); k++) {
                Mention mention = others.get(k);
                boolean hasDimension = mention.has(TermKind.DIMENSION);
                boolean hasValue = mention.has(TermKind.VALUE);
                if (hasDimension && !hasValue) {
                    TermRef dimension = mention.refs(TermKind.DIMENSION).get(0);
                    if (isTime(dimension.name())) {
                        if (groupedBefore(mention) && grain == null) {
                            grain = TimeGrain.DAY;
                        }
                        continue;
                    }
                    if (absorbed(mention, dimension.name())) {
                        continue;
                    }
                    groupBy.put(dimension.name(), true);
                    continue;
                }
                if (hasValue && !hasDimension) {
                    List<TermRef> values = mention.refs(TermKind.VALUE);
                    Set<String> dimensions = values.stream().map(TermRef::name).collect(Collectors.toCollection(LinkedHashSet::new));
                    if (dimensions.size() > 1) {
                        ambiguousWord = mention.surface();
                        for (TermRef value : values) {
                            ambiguous.add(new Option(value.label(language) + " (" + explainer.dimensionLabel(value.name(), language) + ")",
                                    MetricQuery.builder().filters(equality(value.name(), List.of(value.value()), false)).build()));
                        }
                        continue;
                    }
                    addToChains(chains, mention, values.get(0));
                    continue;
                }
                if (hasDimension) {
                    // a word that names a dimension and a value of another (门店: the store dimension, or channel = store)
                    TermRef dimension = mention.refs(TermKind.DIMENSION).get(0);
                    TermRef value = mention.refs(TermKind.VALUE).get(0);
                    if (groupedBefore(mention) || Cues.COUNTED.matcher(before(mention.start())).find()) {
                        groupBy.put(dimension.name(), true);
                    } else if (Cues.IN_VALUE.matcher(before(mention.start())).find() || valueNeighbour(mention, value.name())) {
                        addToChains(chains, mention, value);
                    } else if (absorbed(mention, dimension.name())) {
                        continue;
                    } else if (order != null) {
                        // a ranking needs something to rank: the dimension reading
                        groupBy.put(dimension.name(), true);
                    } else {
                        ambiguousWord = mention.surface();
                        ambiguous.add(new Option(say("by " + explainer.dimensionLabel(dimension.name(), language),
                                "按" + explainer.dimensionLabel(dimension.name(), language) + "分组"),
                                MetricQuery.builder().dimensions(dimension.name()).build()));
                        ambiguous.add(new Option(value.label(language) + " (" + explainer.dimensionLabel(value.name(), language) + ")",
                                MetricQuery.builder().filters(equality(value.name(), List.of(value.value()), false)).build()));
                    }
                }
            }
            if (Cues.SHARE.matcher(text).find()) {
                // "what share of orders got refunded", 退款订单占比: the rate metric named after the value, not a count filtered to it
                for (Chain chain : chains) {
                    String rate = chain.negated || chain.values.size() != 1 ? null : rateNamedAfter(chain);
                    if (rate != null) {
                        metrics.clear();
                        metrics.add(rate);
                        chains.remove(chain);
                        break;
                    }
                }
            }
            boolean total = Cues.TOTAL.matcher(text).find();
            List<String> filters = new ArrayList<>();
            for (Chain chain : chains) {
                filters.add(equality(chain.dimension, chain.values, chain.negated));
                intents.add(chain.negated ? Intent.NEGATION : Intent.FILTER);
                if (!chain.negated && chain.values.size() > 1 && !total) {
                    groupBy.put(chain.dimension, true);
                }
            }

            // time ------------------------------------------------------------------------------
            TimeRange range = null;
            if (times.size() >= 2) {
                TimeMention first = times.get(0);
                TimeMention second = times.get(1);
                TimeMention earlier = first.from() != null && second.from() != null && second.from().isBefore(first.from()) ? second : first;
                TimeMention later = earlier == first ? second : first;
                String between = text.substring(Math.min(first.end(), second.start()), Math.max(first.end(), second.start()));
                boolean versus = Cues.COMPARE_WORD.matcher(text).find() || Cues.VERSUS.matcher(between).find() && !between.contains("and") && !between.contains("和");
                if (versus && later.from() != null && earlier.from() != null && later.to() != null && earlier.to() != null) {
                    range = new TimeRange(later.from(), later.to());
                    if (earlier.from().equals(later.from().minusYears(1)) && earlier.to().equals(later.to().minusYears(1))
                            || earlier.from().equals(later.from().minusYears(1)) && later.unit() == TimeGrain.MONTH) {
                        comparisons.add(Comparison.SAME_PERIOD_LAST_YEAR);
                    } else if (later.unit() != null && later.unit() == earlier.unit()
                            && earlier.to().plusDays(1).equals(later.from())) {
                        comparisons.add(Comparison.PREVIOUS_PERIOD);
                    } else if (later.unit() == null && ChronoUnit.DAYS.between(earlier.from(), earlier.to())
                            == ChronoUnit.DAYS.between(later.from(), later.to()) && earlier.to().plusDays(1).equals(later.from())) {
                        comparisons.add(Comparison.PREVIOUS_PERIOD);
                    } else {
                        return cannot(say("I can compare a period with the one just before it or with the same period a year earlier, "
                                        + "but not " + describeRange(earlier) + " with " + describeRange(later) + ".",
                                "我可以把一个时间段与紧挨着的上一个时间段（环比）或去年同期（同比）比较，但不能比较"
                                        + describeRange(earlier) + "和" + describeRange(later) + "。"),
                                null, List.of());
                    }
                } else {
                    LocalDate from = first.from() == null || second.from() == null ? null
                            : first.from().isBefore(second.from()) ? first.from() : second.from();
                    LocalDate to = first.to() == null || second.to() == null ? null
                            : first.to().isAfter(second.to()) ? first.to() : second.to();
                    range = from == null && to == null ? null : new TimeRange(from, to);
                    if (grain == null && first.unit() != null && first.unit() == second.unit()) {
                        grain = first.unit();
                    }
                }
            } else if (times.size() == 1) {
                TimeMention time = times.get(0);
                range = new TimeRange(time.from(), time.to());
                MetricQuery earlier = request.previous();
                if (time.family() == TimeFamily.SHIFTED && time.unit() != null && earlier != null && earlier.timeRange() != null
                        && earlier.timeRange().start() != null) {
                    // "the month before", 前一个月: before the period asked last, not before asOf's
                    TimeMention shifted = TimeExpressions.period(earlier.timeRange().start(), time.unit(), -1);
                    range = new TimeRange(shifted.from(), shifted.to());
                }
            }
            boolean which = grainCue != null && grainCue.which();
            if (trend != null && grain == null) {
                grain = autoGrain(range);
            }
            if (grain != null && !which && range != null && times.size() == 1 && times.get(0).unit() == grain) {
                // "monthly GMV for March 2025" asks for one bucket: a value
                grain = null;
            }
            if (grain != null && which && order == null) {
                order = new OrderCue(SortDirection.DESC, null, true, false, grainCue.span());
            }

            // follow-ups, missing metrics --------------------------------------------------------
            boolean followUpCue = Cues.FOLLOW_UP.matcher(text).find();
            MetricQuery previous = request.previous();
            boolean followUp = previous != null && !previous.metrics().isEmpty() && (metrics.isEmpty() || followUpCue);
            String sold = soldAmount != null ? metricNamed(AMOUNT_SOLD_NAMES) : soldCount != null ? metricNamed(UNITS_SOLD_NAMES) : null;
            if (metrics.isEmpty() && !followUp && sold != null) {
                // "how much did we sell": the metric the catalog calls the sales amount; "how many did we sell": units sold
                metrics.add(sold);
            }
            if (metrics.isEmpty() && !followUp) {
                if (sellingSpan != null) {
                    metrics.add("__selling");
                } else {
                    List<String> candidates = paraphraseCandidates();
                    if (candidates.size() == 1) {
                        metrics.add(candidates.get(0));
                        notes.add(say("'" + unlinkedText() + "' was read as " + explainer.metricLabel(candidates.get(0), language)
                                        + " by meaning.",
                                "“" + unlinkedText() + "”按语义理解为" + explainer.metricLabel(candidates.get(0), language) + "。"));
                    } else if (candidates.size() > 1) {
                        metrics.add("__choose:" + String.join(",", candidates));
                    } else if (groupBy.isEmpty() && chains.isEmpty() && range == null && grain == null && order == null) {
                        return cannot(say("I could not find a metric in the question. Ask about one of: "
                                                + metricList(Language.EN) + ".",
                                        "问题里没有找到指标。可以问这些指标：" + metricList(Language.ZH) + "。"),
                                null, optionsForMetrics(COMMON_METRICS, List.of(), null, List.of(), null));
                    } else {
                        metrics.add("__choose:" + String.join(",", COMMON_METRICS));
                    }
                }
            }

            // assemble --------------------------------------------------------------------------
            List<String> dimensions = new ArrayList<>(groupBy.keySet());
            Draft draft = new Draft(metrics, dimensions, grain, filters, range, new ArrayList<>(comparisons), order,
                    which, total, chains.stream().map(c -> c.dimension).toList());
            if (followUp) {
                intents.add(Intent.FOLLOW_UP);
                draft = merge(previous, draft, Cues.ALSO.matcher(text).find());
            }
            if (!ambiguous.isEmpty()) {
                return clarifyReadings(ambiguousWord, ambiguous, draft);
            }
            if (draft.metrics.get(0).equals("__selling")) {
                return clarifyMetric(null, List.of("gmv", "units_sold"), draft);
            }
            if (draft.metrics.get(0).startsWith("__choose:")) {
                List<String> candidates = List.of(draft.metrics.get(0).substring("__choose:".length()).split(","));
                return clarifyMetric(null, candidates, draft);
            }
            return finish(draft);
        }

        private Interpretation finish(Draft draft) {
            MetricQuery query = draft.toQuery(request.warehouse());
            // reachability
            for (String metric : query.metrics()) {
                List<String> reachable = catalog.reachableDimensions(metric);
                List<String> unreachable = new ArrayList<>();
                for (String dimension : draft.allDimensions()) {
                    if (!reachable.contains(dimension)) {
                        unreachable.add(dimension);
                    }
                }
                if (!unreachable.isEmpty()) {
                    return unreachable(query, draft, metric, unreachable);
                }
                Map<String, String> fixed = facts.fixedValues(metric);
                for (Chain chain : draft.chainsOn(fixed.keySet(), this)) {
                    String value = fixed.get(chain.dimension);
                    if (chain.negated ? chain.values.contains(value) : !chain.values.equals(List.of(value))) {
                        return contradiction(query, metric, chain.dimension, value);
                    }
                }
            }
            boolean needsPeriod = !query.comparisons().isEmpty()
                    || query.metrics().stream().anyMatch(m -> facts.periodOverPeriod(m).isPresent());
            if (needsPeriod && query.timeRange() == null && query.grain() == null) {
                return clarifyPeriod(query);
            }
            classify(query, draft);
            return new Interpretation.Answer(query, language, intents, notes);
        }

        private void classify(MetricQuery query, Draft draft) {
            boolean hasTime = query.dimensions().contains("metric_time");
            boolean hasCategorical = query.dimensions().stream().anyMatch(d -> !d.equals("metric_time"));
            if (hasTime) {
                intents.add(Intent.TREND);
            }
            if (hasCategorical) {
                intents.add(Intent.BREAKDOWN);
            }
            if (!hasTime && !hasCategorical) {
                intents.add(Intent.VALUE);
            }
            if (query.limit() != null && query.limit() == 1 && !query.orderBy().isEmpty()) {
                intents.add(Intent.WHICH_HIGHEST);
            } else if (query.limit() != null) {
                intents.add(Intent.TOP_N);
            } else if (!query.orderBy().isEmpty() && !query.orderBy().get(0).field().equals("metric_time")) {
                intents.add(Intent.RANK);
            }
            if (!query.comparisons().isEmpty() || query.metrics().stream().anyMatch(m -> facts.periodOverPeriod(m).isPresent())) {
                intents.add(Intent.COMPARISON);
            }
            if (query.timeRange() == null) {
                notes.add(say("No dates were given: all dates count.", "问题没有给出时间：统计全部日期。"));
            }
        }

        // readings that cannot be answered -----------------------------------------------------

        private Interpretation unreachable(MetricQuery query, Draft draft, String metric, List<String> dimensions) {
            String metricLabel = explainer.metricLabel(metric, language);
            String dimensionLabels = dimensions.stream().map(d -> explainer.dimensionLabel(d, language))
                    .collect(Collectors.joining(language == Language.ZH ? "、" : ", "));
            List<Option> alternatives = new ArrayList<>();
            MetricQuery without = draft.without(dimensions).toQuery(request.warehouse());
            alternatives.add(new Option(explainer.describe(without, language), without));
            for (MetricInfo other : catalog.metrics()) {
                if (alternatives.size() >= 4 || other.name().equals(metric) || facts.periodOverPeriod(other.name()).isPresent()) {
                    continue;
                }
                if (other.dimensions().containsAll(draft.allDimensions()) && COMMON_METRICS.contains(other.name())) {
                    MetricQuery swapped = draft.withMetrics(replace(query.metrics(), metric, other.name())).toQuery(request.warehouse());
                    alternatives.add(new Option(explainer.describe(swapped, language), swapped));
                }
            }
            String reason = say(metricLabel + " cannot be broken down or filtered by " + dimensionLabels
                            + ": its data does not connect to " + (dimensions.size() > 1 ? "them" : "it")
                            + " without counting rows twice or inventing a link, so any number would be wrong. "
                            + "It can be split by: " + reachableLabels(metric, Language.EN) + ".",
                    metricLabel + "不能按" + dimensionLabels + "拆分或筛选：它的数据与" + dimensionLabels
                            + "之间没有一一对应的关系，给出的任何数字都会是错的。它可以按这些维度拆分：" + reachableLabels(metric, Language.ZH) + "。");
            intents.add(Intent.CANNOT);
            return new Interpretation.Cannot(reason, query, alternatives, language, intents);
        }

        private Interpretation contradiction(MetricQuery query, String metric, String dimension, String fixedValue) {
            String metricLabel = explainer.metricLabel(metric, language);
            List<Option> alternatives = new ArrayList<>();
            MetricQuery without = MetricQuery.builder().metrics(query.metrics().toArray(String[]::new))
                    .dimensions(query.dimensions().toArray(String[]::new)).grain(query.grain())
                    .filters(query.filters().stream().filter(f -> !f.startsWith(dimension + " ")).toArray(String[]::new))
                    .timeRange(query.timeRange()).warehouse(request.warehouse()).build();
            alternatives.add(new Option(explainer.describe(without, language), without));
            for (MetricInfo other : catalog.metrics()) {
                if (!other.name().equals(metric) && !facts.fixedValues(other.name()).containsKey(dimension)
                        && other.dimensions().contains(dimension) && alternatives.size() < 3) {
                    MetricQuery swapped = MetricQuery.builder().metrics(other.name())
                            .dimensions(query.dimensions().toArray(String[]::new)).grain(query.grain())
                            .filters(query.filters().stream().filter(f -> !f.startsWith(dimension + " ")).toArray(String[]::new))
                            .timeRange(query.timeRange()).warehouse(request.warehouse()).build();
                    alternatives.add(new Option(explainer.describe(swapped, language), swapped));
                }
            }
            String reason = say(metricLabel + " counts only orders whose " + explainer.dimensionLabel(dimension, Language.EN)
                            + " is " + fixedValue + ", so it cannot be filtered to another " + explainer.dimensionLabel(dimension, Language.EN)
                            + ": the answer would be a meaningless zero.",
                    metricLabel + "只统计" + explainer.dimensionLabel(dimension, Language.ZH) + "为" + fixedValue
                            + "的订单，不能再按其他" + explainer.dimensionLabel(dimension, Language.ZH) + "筛选，否则结果只会是没有意义的0。");
            intents.add(Intent.CANNOT);
            return new Interpretation.Cannot(reason, query, alternatives, language, intents);
        }

        private Interpretation cannot(String reason, MetricQuery asked, List<Option> alternatives) {
            intents.add(Intent.CANNOT);
            return new Interpretation.Cannot(reason, asked, alternatives, language, intents);
        }

        // clarifications ----------------------------------------------------------------------

        private Interpretation clarifyMetric(Mention mention, List<String> candidates, Draft draft) {
            intents.add(Intent.CLARIFICATION);
            Draft base = draft != null ? draft : new Draft(List.of(), List.of(), null, List.of(), null, List.of(), null, false, false, List.of());
            List<Option> options = new ArrayList<>();
            for (String metric : candidates) {
                Draft withMetric = base.withMetrics(List.of(metric));
                if (!catalog.reachableDimensions(metric).containsAll(withMetric.allDimensions())) {
                    continue;
                }
                MetricQuery query = withMetric.toQuery(request.warehouse());
                if ((facts.periodOverPeriod(metric).isPresent() || !query.comparisons().isEmpty())
                        && query.timeRange() == null && query.grain() == null) {
                    continue;
                }
                options.add(new Option(explainer.describe(query, language), query));
            }
            if (options.isEmpty()) {
                return cannot(say("I could not tell which metric the question is about, and none of the likely ones fits the rest of it.",
                        "无法确定问题问的是哪个指标，可能的指标也都与问题的其余部分不符。"), null, List.of());
            }
            if (options.size() == 1) {
                notes.add(say("Only " + explainer.metricLabel(options.get(0).query().metrics().get(0), Language.EN)
                                + " fits the rest of the question.",
                        "只有" + explainer.metricLabel(options.get(0).query().metrics().get(0), Language.ZH) + "与问题的其余部分相符。"));
                return finish(base.withMetrics(options.get(0).query().metrics()));
            }
            String question = mention != null
                    ? say("Which metric do you mean by '" + mention.surface() + "'?", "“" + mention.surface() + "”指的是哪个指标？")
                    : say("Which metric do you mean?", "您想看哪个指标？");
            return new Interpretation.Clarification(question, options, language, intents);
        }

        private Interpretation clarifyReadings(String word, List<Option> readings, Draft draft) {
            intents.add(Intent.CLARIFICATION);
            List<Option> options = new ArrayList<>();
            for (Option reading : readings) {
                Draft combined = draft;
                if (!reading.query().dimensions().isEmpty()) {
                    List<String> dimensions = new ArrayList<>(draft.dimensions);
                    dimensions.addAll(reading.query().dimensions());
                    combined = combined.withDimensions(dimensions);
                }
                if (!reading.query().filters().isEmpty()) {
                    List<String> filters = new ArrayList<>(draft.filters);
                    filters.addAll(reading.query().filters());
                    combined = combined.withFilters(filters);
                }
                if (combined.metrics.get(0).startsWith("__")) {
                    combined = combined.withMetrics(List.of(COMMON_METRICS.get(0)));
                }
                MetricQuery query = combined.toQuery(request.warehouse());
                boolean reachable = query.metrics().stream()
                        .allMatch(m -> catalog.reachableDimensions(m).containsAll(dimensionsOf(query)));
                if (reachable) {
                    options.add(new Option(reading.label() + ": " + explainer.describe(query, language), query));
                }
            }
            if (options.size() == 1) {
                return finish(new Draft(options.get(0).query(), draft));
            }
            return new Interpretation.Clarification(
                    say("What do you mean by '" + word + "'?", "“" + word + "”是指哪一个？"), options, language, intents);
        }

        private Interpretation clarifyPeriod(MetricQuery query) {
            intents.add(Intent.CLARIFICATION);
            intents.add(Intent.COMPARISON);
            List<Option> options = new ArrayList<>();
            for (TimeGrain unit : List.of(TimeGrain.MONTH, TimeGrain.QUARTER, TimeGrain.YEAR)) {
                TimeMention period = TimeExpressions.period(asOf, unit, -1);
                MetricQuery withRange = new MetricQuery(query.metrics(), query.dimensions(), query.grain(), query.filters(),
                        new TimeRange(period.from(), period.to()), query.comparisons(), query.orderBy(), query.limit(), query.warehouse());
                options.add(new Option(explainer.describe(withRange, language), withRange));
            }
            return new Interpretation.Clarification(
                    say("A comparison needs a period: which one?", "比较需要一个时间段：请问是哪个时间段？"), options, language, intents);
        }

        // helpers -----------------------------------------------------------------------------

        private List<String> paraphraseCandidates() {
            String phrase = unlinkedText();
            if (phrase.isBlank()) {
                return List.of();
            }
            List<ParaphraseLinker.Scored> scored = paraphrases.nearestMetrics(phrase, language);
            if (scored.isEmpty()) {
                return List.of();
            }
            List<String> close = new ArrayList<>();
            double best = scored.get(0).score();
            for (ParaphraseLinker.Scored candidate : scored) {
                if (best - candidate.score() <= paraphrases.ambiguityMargin() && close.size() < 3) {
                    close.add(candidate.metric());
                }
            }
            return close;
        }

        private Span find(Pattern pattern) {
            Matcher matcher = pattern.matcher(text);
            return matcher.find() ? new Span(matcher.start(), matcher.end()) : null;
        }

        /** The first metric the lexicon links one of these names to, or null. */
        private String metricNamed(List<String> names) {
            for (String name : names) {
                List<TermRef> refs = lexicon.lookup(Lexicon.key(tokenizer.tokenize(Normalizer.normalize(name)))).stream()
                        .filter(r -> r.kind() == TermKind.METRIC).toList();
                if (refs.size() == 1) {
                    return refs.get(0).name();
                }
            }
            return null;
        }

        /**
         * A metric whose name or labels hold the stem of the chain's value (refunded -> refund rate,
         * 已退款 -> 退款率), other than a period-over-period one; null when none or several do.
         */
        private String rateNamedAfter(Chain chain) {
            String value = chain.values.get(0);
            Set<String> stems = new LinkedHashSet<>();
            for (TermRef ref : lexicon.lookup(Lexicon.key(tokenizer.tokenize(Normalizer.normalize(value))))) {
                if (ref.kind() == TermKind.VALUE && ref.name().equals(chain.dimension)) {
                    stems.addAll(stems(ref.label(Language.EN)));
                    stems.addAll(stems(ref.label(Language.ZH)));
                }
            }
            stems.addAll(stems(value));
            Set<String> found = new LinkedHashSet<>();
            for (MetricInfo metric : catalog.metrics()) {
                if (facts.periodOverPeriod(metric.name()).isPresent()) {
                    continue;
                }
                List<String> names = new ArrayList<>(metric.labels().allNames());
                names.add(metric.name().replace('_', ' '));
                for (String name : names) {
                    String lower = name.toLowerCase(java.util.Locale.ROOT);
                    boolean rateWord = lower.matches(".*\\b(?:rate|ratio|share|percentage)\\b.*") || lower.endsWith("率")
                            || lower.endsWith("占比") || lower.endsWith("比例");
                    if (rateWord && stems.stream().anyMatch(stem -> containsWordStartingWith(lower, stem))) {
                        found.add(metric.name());
                    }
                }
            }
            return found.size() == 1 ? found.iterator().next() : null;
        }

        private static List<String> stems(String label) {
            if (label == null || label.isBlank()) {
                return List.of();
            }
            String lower = label.toLowerCase(java.util.Locale.ROOT).trim();
            List<String> out = new ArrayList<>();
            if (Language.of(lower) == Language.ZH) {
                String stem = lower.startsWith("已") ? lower.substring(1) : lower;
                if (stem.length() >= 2) {
                    out.add(stem);
                }
                return out;
            }
            for (String suffix : List.of("led", "ed", "d", "ing", "s")) {
                if (lower.endsWith(suffix) && lower.length() - suffix.length() >= 4) {
                    out.add(lower.substring(0, lower.length() - suffix.length()));
                }
            }
            out.add(lower);
            return out;
        }

        private static boolean containsWordStartingWith(String name, String stem) {
            if (Language.of(stem) == Language.ZH) {
                return name.contains(stem);
            }
            for (String word : name.split("[^a-z0-9]+")) {
                if (word.length() >= 4 && (word.startsWith(stem) || stem.startsWith(word))) {
                    return true;
                }
            }
            return false;
        }

        /** The words no reader took: what a paraphrase would be in. */
        private String unlinkedText() {
            StringBuilder out = new StringBuilder();
            for (Token token : tokens) {
                boolean linked = mentions.stream().anyMatch(m -> m.start() < token.end() && token.start() < m.end());
                if (!linked && !token.isPunctuation()) {
                    if (out.length() > 0 && token.kind() != Token.Kind.HAN) {
                        out.append(' ');
                    }
                    out.append(token.text());
                }
            }
            return out.toString().trim();
        }

        private boolean groupedBefore(Mention mention) {
            if (Cues.GROUP_BEFORE.matcher(before(mention.start())).find()) {
                return true;
            }
            return Cues.BY_AFTER.matcher(text.substring(mention.end())).find();
        }

        /** A dimension next to a value of its own (华东地区, region east, 渠道为线上) only names the value's kind. */
        private boolean absorbed(Mention mention, String dimension) {
            return valueNeighbour(mention, dimension) || !groupedBefore(mention) && followsValue(mention);
        }

        /** True when a value stands right before the mention: "flagship stores", "Kestrel products", 华东门店. */
        private boolean followsValue(Mention mention) {
            for (Mention other : mentions) {
                if (other != mention && other.has(TermKind.VALUE) && !other.has(TermKind.DIMENSION)
                        && other.endToken() <= mention.firstToken() && onlyFillers(other.endToken(), mention.firstToken())) {
                    return true;
                }
            }
            return false;
        }

        private boolean valueNeighbour(Mention mention, String dimension) {
            for (Mention other : mentions) {
                if (other == mention || other.refs(TermKind.VALUE).stream().noneMatch(r -> r.name().equals(dimension))) {
                    continue;
                }
                if (other.endToken() <= mention.firstToken() && onlyFillers(other.endToken(), mention.firstToken())
                        || mention.endToken() <= other.firstToken() && onlyFillers(mention.endToken(), other.firstToken())) {
                    return true;
                }
            }
            return false;
        }

        private boolean onlyFillers(int from, int to) {
            if (to - from > 2) {
                return false;
            }
            for (int i = from; i < to; i++) {
                if (!Cues.FILLER.matcher(tokens.get(i).text()).matches()) {
                    return false;
                }
            }
            return true;
        }

        private void addToChains(List<Chain> chains, Mention mention, TermRef value) {
            Chain last = chains.isEmpty() ? null : chains.get(chains.size() - 1);
            if (last != null && last.dimension.equals(value.name()) && onlyJoiners(last.endToken, mention.firstToken())) {
                if (!last.values.contains(value.value())) {
                    last.values.add(value.value());
                }
                last.endToken = mention.endToken();
                last.end = mention.end();
                if (!last.negated && Cues.NEGATION_AFTER.matcher(text.substring(mention.end())).find()) {
                    last.negated = true;
                }
                return;
            }
            Chain chain = new Chain(value.name());
            chain.values.add(value.value());
            chain.endToken = mention.endToken();
            chain.end = mention.end();
            chain.negated = Cues.NEGATION_BEFORE.matcher(before(mention.start())).find()
                    || Cues.NEGATION_AFTER.matcher(text.substring(mention.end())).find();
            chains.add(chain);
        }

        private boolean onlyJoiners(int from, int to) {
            boolean joined = from == to;
            for (int i = from; i < to; i++) {
                String word = tokens.get(i).text();
                final int index = i;
                if (Cues.JOINER.matcher(word).matches()) {
                    joined = true;
                } else if (!Cues.LIST_FILLER.matcher(word).matches()
                        && nounMentions.stream().noneMatch(m -> m.firstToken() <= index && index < m.endToken())) {
                    return false;
                }
            }
            return joined;
        }

        private String before(int offset) {
            return text.substring(Math.max(0, offset - 24), offset);
        }

        private boolean isTime(String dimension) {
            return catalog.dimension(dimension).map(d -> d.type() == DimensionType.TIME).orElse(false);
        }

        private String say(String english, String chinese) {
            return language == Language.ZH ? chinese : english;
        }

        private String describeRange(TimeMention mention) {
            return Explainer.rangeText(new TimeRange(mention.from(), mention.to()), language).replace("，", "");
        }

        private String metricList(Language in) {
            return catalog.metrics().stream().map(m -> explainer.metricLabel(m.name(), in))
                    .collect(Collectors.joining(in == Language.ZH ? "、" : ", "));
        }

        private String reachableLabels(String metric, Language in) {
            return catalog.reachableDimensions(metric).stream().filter(d -> !isTime(d)).map(d -> explainer.dimensionLabel(d, in))
                    .collect(Collectors.joining(in == Language.ZH ? "、" : ", "));
        }

        private List<Option> optionsForMetrics(List<String> metrics, List<String> dimensions, TimeGrain grain, List<String> filters,
                TimeRange range) {
            List<Option> options = new ArrayList<>();
            for (String metric : metrics) {
                if (catalog.metric(metric).isEmpty()) {
                    continue;
                }
                MetricQuery query = new MetricQuery(List.of(metric), dimensions, grain, filters, range, List.of(), List.of(), null,
                        request.warehouse());
                options.add(new Option(explainer.describe(query, language), query));
            }
            return options;
        }
    }

    private static List<String> replace(List<String> list, String from, String to) {
        List<String> out = new ArrayList<>();
        for (String item : list) {
            String replaced = item.equals(from) ? to : item;
            if (!out.contains(replaced)) {
                out.add(replaced);
            }
        }
        return out;
    }

    private static List<String> dimensionsOf(MetricQuery query) {
        Set<String> all = new LinkedHashSet<>();
        for (String dimension : query.dimensions()) {
            if (!dimension.equals("metric_time")) {
                all.add(dimension);
            }
        }
        for (String filter : query.filters()) {
            all.add(filter.trim().split("\\s+")[0]);
        }
        return new ArrayList<>(all);
    }

    private static TimeGrain autoGrain(TimeRange range) {
        if (range == null || range.start() == null || range.end() == null) {
            return TimeGrain.MONTH;
        }
        long days = ChronoUnit.DAYS.between(range.start(), range.end()) + 1;
        if (days <= 31) {
            return TimeGrain.DAY;
        }
        if (days <= 92) {
            return TimeGrain.WEEK;
        }
        return TimeGrain.MONTH;
    }

    private static boolean overlapsTime(Span span, List<TimeMention> times) {
        return times.stream().anyMatch(t -> t.overlaps(span.start(), span.end()));
    }

    static String equality(String dimension, List<String> values, boolean negated) {
        return Filters.equality(dimension, values, negated);
    }

    /** Values of one dimension named together in a question. */
    private static final class Chain {
        final String dimension;
        final List<String> values = new ArrayList<>();
        boolean negated;
        int endToken;
        int end;

        Chain(String dimension) {
            this.dimension = dimension;
        }
    }

    /** A query being assembled, with what is needed to merge a follow-up into it. */
    private static final class Draft {
        final List<String> metrics;
        final List<String> dimensions;
        final TimeGrain grain;
        final List<String> filters;
        final TimeRange range;
        final List<Comparison> comparisons;
        final OrderCue order;
        final boolean which;
        final boolean total;
        final List<String> filterDimensions;
        final List<OrderBy> explicitOrder;
        final Integer explicitLimit;

        Draft(List<String> metrics, List<String> dimensions, TimeGrain grain, List<String> filters, TimeRange range,
                List<Comparison> comparisons, OrderCue order, boolean which, boolean total, List<String> filterDimensions) {
            this(metrics, dimensions, grain, filters, range, comparisons, order, which, total, filterDimensions, null, null);
        }

        Draft(List<String> metrics, List<String> dimensions, TimeGrain grain, List<String> filters, TimeRange range,
                List<Comparison> comparisons, OrderCue order, boolean which, boolean total, List<String> filterDimensions,
                List<OrderBy> explicitOrder, Integer explicitLimit) {
            this.metrics = List.copyOf(metrics);
            this.dimensions = List.copyOf(dimensions);
            this.grain = grain;
            this.filters = List.copyOf(filters);
            this.range = range;
            this.comparisons = List.copyOf(comparisons);
            this.order = order;
            this.which = which;
            this.total = total;
            this.filterDimensions = List.copyOf(filterDimensions);
            this.explicitOrder = explicitOrder;
            this.explicitLimit = explicitLimit;
        }

        /** A draft holding exactly a query (a clarification's chosen reading). */
        Draft(MetricQuery query, Draft from) {
            this(query.metrics(), query.dimensions().stream().filter(d -> !d.equals("metric_time")).toList(), query.grain(),
                    query.filters(), query.timeRange(), query.comparisons(), from.order, from.which, from.total,
                    query.filters().stream().map(f -> f.trim().split("\\s+")[0]).toList());
        }

        Draft withMetrics(List<String> newMetrics) {
            return new Draft(newMetrics, dimensions, grain, filters, range, comparisons, order, which, total, filterDimensions,
                    explicitOrder, explicitLimit);
        }

        Draft withDimensions(List<String> newDimensions) {
            return new Draft(metrics, newDimensions, grain, filters, range, comparisons, order, which, total, filterDimensions,
                    explicitOrder, explicitLimit);
        }

        Draft withFilters(List<String> newFilters) {
            return new Draft(metrics, dimensions, grain, newFilters, range, comparisons, order, which, total,
                    newFilters.stream().map(f -> f.trim().split("\\s+")[0]).toList(), explicitOrder, explicitLimit);
        }

        Draft without(List<String> dropped) {
            List<String> keptFilters = filters.stream().filter(f -> !dropped.contains(f.trim().split("\\s+")[0])).toList();
            return new Draft(metrics, dimensions.stream().filter(d -> !dropped.contains(d)).toList(), grain, keptFilters, range,
                    comparisons, order, which, total, keptFilters.stream().map(f -> f.trim().split("\\s+")[0]).toList(),
                    explicitOrder, explicitLimit);
        }

        List<String> allDimensions() {
            Set<String> all = new LinkedHashSet<>(dimensions);
            all.addAll(filterDimensions);
            return new ArrayList<>(all);
        }

        List<Chain> chainsOn(Set<String> fixedDimensions, Object unused) {
            List<Chain> out = new ArrayList<>();
            for (String filter : filters) {
                String dimension = filter.trim().split("\\s+")[0];
                if (!fixedDimensions.contains(dimension)) {
                    continue;
                }
                Chain chain = new Chain(dimension);
                chain.negated = filter.contains("<>") || filter.toUpperCase(java.util.Locale.ROOT).contains("NOT IN");
                Matcher quoted = Pattern.compile("'((?:[^']|'')*)'").matcher(filter);
                while (quoted.find()) {
                    chain.values.add(quoted.group(1).replace("''", "'"));
                }
                out.add(chain);
            }
            return out;
        }

        MetricQuery toQuery(String warehouse) {
            List<String> dims = new ArrayList<>(dimensions);
            if (grain != null) {
                dims.add("metric_time");
            }
            List<OrderBy> orderBy = new ArrayList<>();
            Integer limit = null;
            if (explicitOrder != null) {
                orderBy.addAll(explicitOrder);
                limit = explicitLimit;
            } else if (order != null && !metrics.isEmpty() && !(dims.isEmpty() && order.limit() == null)) {
                String field = metrics.get(0);
                orderBy.add(new OrderBy(field, order.direction()));
                if (order.limit() != null) {
                    limit = order.limit();
                } else if (order.superlative() && !dims.isEmpty()) {
                    limit = 1;
                }
            }
            if (orderBy.isEmpty() && grain != null) {
                orderBy.add(OrderBy.asc("metric_time"));
            }
            if (dims.isEmpty()) {
                // a single value has nothing to sort or cut
                orderBy.clear();
                limit = null;
            }
            return new MetricQuery(metrics, dims, grain, filters, range, comparisons, orderBy, limit, warehouse);
        }
    }

    /** Applies a follow-up's changes to the previous query. */
    private Draft merge(MetricQuery previous, Draft next, boolean also) {
        List<String> metrics = new ArrayList<>(previous.metrics());
        if (!next.metrics.isEmpty()) {
            if (also) {
                next.metrics.stream().filter(m -> !metrics.contains(m)).forEach(metrics::add);
            } else {
                metrics.clear();
                metrics.addAll(next.metrics);
            }
        }
        List<String> previousCategorical = previous.dimensions().stream().filter(d -> !d.startsWith("metric_time")).toList();
        List<String> dimensions = new ArrayList<>(previousCategorical);
        List<String> newCategorical = next.dimensions.stream().filter(d -> !next.filterDimensions.contains(d) || !previousCategorical.contains(d)).toList();
        if (!next.dimensions.isEmpty()) {
            if (also) {
                newCategorical.stream().filter(d -> !dimensions.contains(d)).forEach(dimensions::add);
            } else {
                dimensions.clear();
                dimensions.addAll(next.dimensions);
            }
        }
        TimeGrain grain = next.grain != null ? next.grain : previous.grain();
        if (next.grain == null && !next.dimensions.isEmpty() && !also && previous.dimensions().contains("metric_time")) {
            grain = previous.grain();
        }
        List<String> filters = new ArrayList<>();
        for (String filter : previous.filters()) {
            String dimension = filter.trim().split("\\s+")[0];
            if (!next.filterDimensions.contains(dimension)) {
                filters.add(filter);
            }
        }
        filters.addAll(next.filters);
        TimeRange range = next.range != null ? next.range : previous.timeRange();
        List<Comparison> comparisons = next.comparisons.isEmpty() ? previous.comparisons() : next.comparisons;
        List<String> filterDimensions = filters.stream().map(f -> f.trim().split("\\s+")[0]).toList();
        if (next.order != null) {
            return new Draft(metrics, dimensions, grain, filters, range, comparisons, next.order, next.which, next.total, filterDimensions);
        }
        List<OrderBy> orderBy = new ArrayList<>();
        for (OrderBy order : previous.orderBy()) {
            if (order.field().equals("metric_time")) {
                continue;
            }
            String field = previous.metrics().contains(order.field()) && !metrics.contains(order.field()) ? metrics.get(0) : order.field();
            orderBy.add(new OrderBy(field, order.direction()));
        }
        if (orderBy.isEmpty() && grain != null) {
            orderBy.add(OrderBy.asc("metric_time"));
        }
        return new Draft(metrics, dimensions, grain, filters, range, comparisons, null, false, next.total, filterDimensions,
                orderBy, orderBy.isEmpty() ? null : previous.limit());
    }

    /** Used by tests and the evaluation: the dimension infos by name. */
    Map<String, DimensionInfo> dimensions() {
        Map<String, DimensionInfo> byName = new LinkedHashMap<>();
        catalog.dimensions().forEach(d -> byName.put(d.name(), d));
        return byName;
    }
}

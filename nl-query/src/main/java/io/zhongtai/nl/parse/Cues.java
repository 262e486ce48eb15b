package io.zhongtai.nl.parse;

import io.zhongtai.metrics.model.Comparison;
import io.zhongtai.metrics.model.TimeGrain;
import io.zhongtai.metrics.query.SortDirection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words around names that carry a question's shape, in English and Chinese: comparisons,
 * top/bottom N and superlatives, grains and trends, grouping, negation, totals and follow-ups.
 * Each scan works on the normalised question and reports where it found its cue, so that the
 * term linker can leave those words alone.
 */
final class Cues {
    private Cues() {}

    record Span(int start, int end) {
        boolean overlaps(int otherStart, int otherEnd) {
            return start < otherEnd && otherStart < end;
        }
    }

    record ComparisonCue(Comparison comparison, Span span) {}

    record OrderCue(SortDirection direction, Integer limit, boolean superlative, boolean rankOnly, Span span) {}

    record GrainCue(TimeGrain grain, boolean which, Span span) {}

    private static final String NUMBER_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty";
    private static final Map<String, Integer> NUMBERS = Map.ofEntries(
            Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5),
            Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
            Map.entry("twelve", 12), Map.entry("fifteen", 15), Map.entry("twenty", 20));

    private static final Pattern YOY = Pattern.compile(
            "同比(?:增长率|增长|增速|变化)?|(?:和|与|跟|比|较|相比|对比)?(?:去年|上年)同期(?:相比|比|对比)?|year[- ](?:over|on)[- ]year|\\byoy\\b"
                    + "|(?:compared? (?:to|with)|vs\\.?|versus|against|relative to) (?:the )?same (?:period|time|month|quarter|week|day)"
                    + "(?: (?:of |in )?(?:the )?(?:last|previous|prior) year| a year (?:ago|earlier|before))?"
                    + "|(?:compared? (?:to|with)|vs\\.?|versus|against|relative to) (?:a year (?:ago|earlier|before)|last year|the (?:previous|prior) year)"
                    + "|same (?:period|time) (?:of |in )?last year");
    private static final Pattern POP = Pattern.compile(
            "环比(?:增长率|增长|增速|变化)?|(?:和|与|跟|比|较|相比)上(?:个|一)?(?:月|期|周|季度)(?:相比|比)?|上期"
                    + "|(?:month|week|quarter|day)[- ](?:over|on)[- ](?:month|week|quarter|day)|\\b(?:mom|wow|qoq)\\b"
                    + "|(?:compared? (?:to|with)|vs\\.?|versus|against|relative to) (?:the )?(?:previous|prior|preceding|last) (?:month|period|week|quarter|day)"
                    + "|(?:the )?(?:previous|prior|preceding) period");

    static List<ComparisonCue> comparisons(String text) {
        List<ComparisonCue> cues = new ArrayList<>();
        Matcher yoy = YOY.matcher(text);
        while (yoy.find()) {
            cues.add(new ComparisonCue(Comparison.SAME_PERIOD_LAST_YEAR, new Span(yoy.start(), yoy.end())));
        }
        Matcher pop = POP.matcher(text);
        while (pop.find()) {
            Span span = new Span(pop.start(), pop.end());
            if (cues.stream().noneMatch(c -> c.span().overlaps(span.start(), span.end()))) {
                cues.add(new ComparisonCue(Comparison.PREVIOUS_PERIOD, span));
            }
        }
        return cues;
    }

    /** A word between two time expressions that sets them against each other. */
    static final Pattern VERSUS = Pattern.compile(
            "\\b(?:vs\\.?|versus|compared? (?:to|with)|against|and)\\b|对比|相比|比较|和|与|跟|比|同|对|,");
    static final Pattern COMPARE_WORD = Pattern.compile("\\b(?:vs\\.?|versus|compare[sd]?|comparison|against)\\b|对比|相比|比较|比");

    private static final Pattern TOP_N = Pattern.compile(
            "\\b(top|best|highest|largest|biggest|leading|strongest|greatest|bottom|worst|lowest|smallest|weakest|least)[ -](\\d+|"
                    + NUMBER_WORDS + ")\\b");
    private static final Pattern N_TOP = Pattern.compile(
            "\\b(\\d+|" + NUMBER_WORDS + ") (best|top|highest|largest|biggest|strongest|most|worst|bottom|lowest|smallest|weakest|least)\\b");
    private static final Pattern ZH_TOP_N = Pattern.compile(
            "(?:排名|排行)?(前|top ?|后|倒数|末|bottom ?)(\\d+)(?:名|个|位|大|家|款|种)?");
    private static final Pattern ZH_SUPERLATIVE_N = Pattern.compile(
            "最(高|多|大|好|强|低|少|小|差|弱)的(\\d+)(?:个|家|名|位|款|种)|(\\d+)(?:个|家|名|位|款|种)?最(高|多|大|好|强|低|少|小|差|弱)");
    private static final Pattern SUPERLATIVE_DESC = Pattern.compile(
            "\\b(?:highest|most|best|largest|biggest|greatest|maximum|max|top|strongest|leading|peak|peaked)\\b"
                    + "|最(?:高|多|大|好|强|赚钱|火)|第一名?|排第一|冠军|峰值|高峰");
    private static final Pattern SUPERLATIVE_ASC = Pattern.compile(
            "\\b(?:lowest|least|fewest|worst|smallest|minimum|min|weakest|bottom)\\b|最(?:低|少|小|差|弱)|垫底|倒数第一|最后一名");
    private static final Pattern COMPARATIVE_DESC = Pattern.compile(
            "\\b(?:more|higher|bigger|larger|greater|better|stronger)\\b(?! than)|更(?:高|多|大|好|强|赚钱)|高一些|多一些|比较(?:高|多|大|好)");
    private static final Pattern COMPARATIVE_ASC = Pattern.compile(
            "\\b(?:less|lower|fewer|smaller|worse|weaker)\\b(?! than)|更(?:低|少|小|差|弱)|低一些|少一些|比较(?:低|少|小|差)");
    private static final Pattern WHICH_COUNT = Pattern.compile("\\b(?:which|what|the) (\\d+|" + NUMBER_WORDS + ")\\b");
    private static final Pattern RANK = Pattern.compile(
            "\\b(?:rank|ranks|ranked|ranking|rankings|sort|sorted|order by|ordered by|leaderboard|league table)\\b|排名|排行|排序|排列|名次");
    private static final Pattern ASCENDING = Pattern.compile(
            "\\b(?:ascending|from low(?:est)? to high(?:est)?|smallest first|lowest first)\\b|升序|从低到高|从小到大|由低到高");

    /** Top/bottom N, superlatives and ranking; null when the question has none. */
    static OrderCue order(String text) {
        Matcher m = TOP_N.matcher(text);
        if (m.find()) {
            return new OrderCue(direction(m.group(1)), number(m.group(2)), false, false, new Span(m.start(), m.end()));
        }
        m = N_TOP.matcher(text);
        if (m.find()) {
            return new OrderCue(direction(m.group(2)), number(m.group(1)), false, false, new Span(m.start(), m.end()));
        }
        m = ZH_TOP_N.matcher(text);
        while (m.find()) {
            String word = m.group(1).trim();
            // 前5天 is a time expression; the caller drops cues that overlap one
            SortDirection direction = word.equals("前") || word.equals("top") ? SortDirection.DESC : SortDirection.ASC;
            return new OrderCue(direction, Integer.parseInt(m.group(2)), false, false, new Span(m.start(), m.end()));
        }
        m = ZH_SUPERLATIVE_N.matcher(text);
        if (m.find()) {
            String word = m.group(1) != null ? m.group(1) : m.group(4);
            String count = m.group(2) != null ? m.group(2) : m.group(3);
            return new OrderCue("高多大好强".contains(word) ? SortDirection.DESC : SortDirection.ASC,
                    Integer.parseInt(count), false, false, new Span(m.start(), m.end()));
        }
        Matcher asc = SUPERLATIVE_ASC.matcher(text);
        Matcher desc = SUPERLATIVE_DESC.matcher(text);
        boolean hasAsc = asc.find();
        boolean hasDesc = desc.find();
        // "which 3 cities had the most ...": the count stands apart from the superlative
        Matcher whichCount = WHICH_COUNT.matcher(text);
        Integer count = whichCount.find() ? number(whichCount.group(1)) : null;
        if (hasDesc && (!hasAsc || desc.start() < asc.start())) {
            return new OrderCue(SortDirection.DESC, count, count == null, false, new Span(desc.start(), desc.end()));
        }
        if (hasAsc) {
            return new OrderCue(SortDirection.ASC, count, count == null, false, new Span(asc.start(), asc.end()));
        }
        if (WHICH_ANYWHERE.matcher(text).find()) {
            // "which channel brings in more revenue", 哪个渠道的销售额更高: a comparative after "which" asks for the one on top
            Matcher more = COMPARATIVE_DESC.matcher(text);
            Matcher less = COMPARATIVE_ASC.matcher(text);
            boolean hasMore = more.find();
            boolean hasLess = less.find();
            if (hasMore && (!hasLess || more.start() < less.start())) {
                return new OrderCue(SortDirection.DESC, count, count == null, false, new Span(more.start(), more.end()));
            }
            if (hasLess) {
                return new OrderCue(SortDirection.ASC, count, count == null, false, new Span(less.start(), less.end()));
            }
        }
        Matcher rank = RANK.matcher(text);
        if (rank.find()) {
            SortDirection direction = ASCENDING.matcher(text).find() ? SortDirection.ASC : SortDirection.DESC;
            return new OrderCue(direction, null, false, true, new Span(rank.start(), rank.end()));
        }
        return null;
    }

    private static SortDirection direction(String word) {
        return switch (word) {
            case "bottom", "worst", "lowest", "smallest", "weakest", "least" -> SortDirection.ASC;
            default -> SortDirection.DESC;
        };
    }

    private static Integer number(String word) {
        Integer value = NUMBERS.get(word);
        return value != null ? value : Integer.parseInt(word);
    }

    /** "best-selling", 卖得最好: ranked by sales, without saying whether by amount or by units. */
    static final Pattern SELLING = Pattern.compile(
            "\\b(?:best|top|worst)[- ]selling\\b|\\bsold (?:the )?(?:most|best|least|worst)\\b|\\bsells? (?:the )?(?:most|best|least|worst)\\b"
                    + "|畅销|滞销|卖(?:得|的)最(?:好|多|差|少)|最(?:好|能)卖|销售最(?:好|差)");

    /** "how much did we sell", 卖了多少钱: the amount sold, not the units. */
    static final Pattern SOLD_AMOUNT = Pattern.compile(
            "\\bhow much (?:(?:did|do|does|have|had|has|will) (?:we|they|you|i|it) )?(?:sell|sold)\\b"
                    + "|\\bhow much (?:was|were|got|have been|has been|did we get) sold\\b"
                    + "|(?:卖|售|销售)(?:出|掉)?了?多少钱|(?:卖|售|销售)(?:出|掉)?了?多少金额");
    /** "how many items did we sell", 卖了多少件: the units sold. */
    static final Pattern SOLD_COUNT = Pattern.compile(
            "\\bhow many (?:(?:items|units|pieces|products|things|goods) )?(?:did|do|does|have|had|has|will) (?:we|they|you|i|it) (?:sell|sold)\\b"
                    + "|\\bhow many (?:items|units|pieces|products|things|goods) (?:were |got |have been |had been )?sold\\b"
                    + "|(?:卖|售|销售)(?:出|掉)?了?(?:多少|几)(?:件|个|份|单位)");
    /** "what share of orders", 占比: a rate, asked through the thing it counts. */
    static final Pattern SHARE = Pattern.compile(
            "\\b(?:share|proportion|percentage|percent|fraction|ratio|rate) of\\b|\\bwhat % of\\b|\\bhow many percent\\b"
                    + "|占比|比例|比率|百分比|比重|的概率");

    private static final Pattern GRAIN_EN = Pattern.compile(
            "\\b(daily|weekly|monthly|quarterly|yearly|annually|annual)\\b"
                    + "|\\b(?:by|per|each|every|for each|for every|broken down by|split by|grouped by|across) (day|date|week|month|quarter|year)s?\\b"
                    + "|\\b(day|week|month|quarter|year) (?:by|over|on) (?:day|week|month|quarter|year)\\b"
                    + "|\\b(?:which|what) (day|date|week|month|quarter|year)\\b");
    private static final Pattern GRAIN_ZH = Pattern.compile(
            "(?:按|每|分|逐|以|各)(?:个|1个)?(天|日|日期|周|星期|月|月份|季度|季|年|年度)"
                    + "|(日|周|月|季|年)度(?=趋势|走势|变化|数据|情况|的?趋势)"
                    + "|哪(?:1)?(?:个|1个)?(天|日|周|星期|月|月份|季度|年)");
    private static final Pattern TREND = Pattern.compile(
            "\\b(?:over time|trend|trends|trending|timeline|time series|evolution|evolve|evolved|develop(?:ed|ment)?)\\b"
                    + "|趋势|走势|变化情况|变化曲线|时间序列|波动|怎么变化|如何变化");

    static GrainCue grain(String text) {
        Matcher m = GRAIN_EN.matcher(text);
        if (m.find()) {
            String word = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
            return new GrainCue(grainOf(word), m.group(4) != null, new Span(m.start(), m.end()));
        }
        m = GRAIN_ZH.matcher(text);
        if (m.find()) {
            String word = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            return new GrainCue(grainOf(word), m.group(3) != null, new Span(m.start(), m.end()));
        }
        return null;
    }

    static Span trend(String text) {
        Matcher m = TREND.matcher(text);
        return m.find() ? new Span(m.start(), m.end()) : null;
    }

    private static TimeGrain grainOf(String word) {
        return switch (word) {
            case "daily", "day", "date", "天", "日", "日期" -> TimeGrain.DAY;
            case "weekly", "week", "周", "星期" -> TimeGrain.WEEK;
            case "monthly", "month", "月", "月份" -> TimeGrain.MONTH;
            case "quarterly", "quarter", "季度", "季" -> TimeGrain.QUARTER;
            default -> TimeGrain.YEAR;
        };
    }

    /** Words before a dimension that ask to group by it. */
    static final Pattern GROUP_BEFORE = Pattern.compile(
            "(?:\\b(?:by|per|each|every|for each|for every|across|broken down by|break down by|breakdown by|split by|grouped by|group by|"
                    + "which|what|among|all|different|various|individual)\\s*(?:the\\s+)?(?:\\w+\\s+)?$)"
                    + "|(?:按照?|各个?|每个?|分|不同|哪些|哪个|哪家|哪1个|哪1家|哪|所有|全部|以)\\s*(?:的)?$");
    /** "which" words: a superlative then asks for the single top row. */
    static final Pattern WHICH_BEFORE = Pattern.compile(
            "(?:\\b(?:which|what)\\s+(?:\\w+\\s+)?$|\\bthe\\s+$)|(?:哪个|哪家|哪1个|哪1家|哪|是哪个|是哪家)\\s*$");
    static final Pattern WHICH_ANYWHERE = Pattern.compile("\\bwhich\\b|\\bwhat\\b|哪个|哪家|哪1个|哪1家|哪(?!些)");
    static final Pattern WHICH_PLURAL = Pattern.compile("哪些|\\bwhich \\w+s\\b");
    static final Pattern BY_AFTER = Pattern.compile("^\\s*(?:wise|-wise|分别|各自|维度|分布|拆分|breakdown|split)");
    /** A dimension right before a value of its own, or after it, is only the value's kind: 华东地区, region east. */
    static final Pattern FILLER = Pattern.compile("^(?:的|the|is|=|为|是|:|of|in|地区|之|-)$");
    /** Words that join values into one list. */
    static final Pattern JOINER = Pattern.compile("^(?:and|or|,|&|plus|和|与|及|以及|或|或者|跟|还有|/|vs|versus|对比|比较|\\+)$");
    static final Pattern NEGATION_BEFORE = Pattern.compile(
            "(?:\\b(?:not|excluding|exclude|excluded|excludes|except|other than|without|apart from|besides|but not|outside(?: of)?|non|ignoring|minus)"
                    + "(?:\\s+(?:for|the|in|from))?\\s*-?\\s*$)"
                    + "|(?:除了|除去|除|不含|不包括|不包含|不算|排除|剔除|去掉|去除|扣除|非|不是|不在|不要)\\s*$");
    static final Pattern NEGATION_AFTER = Pattern.compile("^\\s*(?:以外|之外|除外|外)");
    static final Pattern TOTAL = Pattern.compile(
            "\\b(?:total|combined|altogether|overall|in total|all together|together|sum)\\b|合计|总共|一共|总计|加起来|整体|合起来|总的");
    static final Pattern ALSO = Pattern.compile("\\b(?:also|too|as well|additionally|plus|add|include)\\b|也|还有|加上|同时|顺便|再加|一起");
    static final Pattern FOLLOW_UP = Pattern.compile(
            "^(?:and|but|what about|how about|what if|instead|now|then|ok|okay|same|only|just)\\b|\\binstead\\b|\\bsame (?:for|but)\\b"
                    + "|^(?:那|那么|那如果|如果|换成|改成|改为|只看|只要|再看|再按|换|按|还有|另外|同样)|呢\\s*[?？]?\\s*$");
    /** Small words that may stand between two values of one list: "online orders vs in-store". */
    static final Pattern LIST_FILLER = Pattern.compile("^(?:in|-|the|for|from|at|of|的|在|are|is)$");
    /** A count with a classifier before a noun: 3家门店, 5 stores. */
    static final Pattern COUNTED = Pattern.compile("(?:\\d+\\s*(?:家|个|名|位|款|种)?|\\b(?:" + NUMBER_WORDS + ")\\b)\\s*$");
    static final Pattern IN_VALUE = Pattern.compile("(?:\\bin\\s*-?\\s*$)|(?:\\bat\\s*$)");
}

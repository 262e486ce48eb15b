package io.zhongtai.nl.time;

import io.zhongtai.metrics.model.TimeGrain;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds time expressions in a normalised question (see {@link io.zhongtai.nl.text.Normalizer}),
 * in English and Chinese, and resolves them against an {@code asOf} date, the day the question is
 * asked about ("today").
 *
 * <p>Conventions, stated in README: "this month/quarter/year" is the whole calendar period that
 * holds asOf; "last month" the one before it; weeks start on Monday; "the last N days" are the N
 * days before asOf ({@code [asOf - N, asOf - 1]}); "the last N weeks/months/quarters/years" are
 * the N whole calendar periods before the current one; "year-to-date" runs from 1 January to asOf;
 * a month, quarter or half named without a year is the latest one that has begun by asOf.
 */
public final class TimeExpressions {
    private static final String MONTH_NAMES =
            "(january|february|march|april|may|june|july|august|september|october|november|december"
                    + "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)";
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("january", 1), Map.entry("jan", 1), Map.entry("february", 2), Map.entry("feb", 2),
            Map.entry("march", 3), Map.entry("mar", 3), Map.entry("april", 4), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("june", 6), Map.entry("jun", 6), Map.entry("july", 7), Map.entry("jul", 7),
            Map.entry("august", 8), Map.entry("aug", 8), Map.entry("september", 9), Map.entry("sep", 9),
            Map.entry("sept", 9), Map.entry("october", 10), Map.entry("oct", 10), Map.entry("november", 11),
            Map.entry("nov", 11), Map.entry("december", 12), Map.entry("dec", 12));
    private static final String YEAR = "(20\\d{2})";
    private static final String NUMBER_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty|thirty|sixty|ninety";
    private static final Map<String, Integer> NUMBERS = Map.ofEntries(Map.entry("one", 1), Map.entry("two", 2),
            Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
            Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12),
            Map.entry("eighteen", 18), Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("sixty", 60),
            Map.entry("ninety", 90));
    /** A Chinese year word in front of a month, quarter or half: 去年3月, 今年上半年. */
    private static final String ZH_YEAR_WORD = "(今年|去年|前年|本年|明年|" + YEAR + "年?)?";

    private record Rule(Pattern pattern, TimeFamily family, BiFunction<Matcher, LocalDate, TimeMention> resolve) {}

    private final List<Rule> rules = new ArrayList<>();

    public TimeExpressions() {
        // English -----------------------------------------------------------------------------
        rule("\\bday before yesterday\\b", TimeFamily.RELATIVE_DAY, (m, d) -> day(d.minusDays(2)));
        rule("\\btoday\\b", TimeFamily.RELATIVE_DAY, (m, d) -> day(d));
        rule("\\byesterday\\b", TimeFamily.RELATIVE_DAY, (m, d) -> day(d.minusDays(1)));
        rule("\\b(?:in |over |during |for )?(?:the )?(?:last|past|previous|prior|trailing) (\\d+|" + NUMBER_WORDS
                        + ") (day|week|month|quarter|year)s?\\b",
                TimeFamily.LAST_N, (m, d) -> lastN(d, number(m.group(1)), unit(m.group(2))));
        rule("\\b(?:in |over |during |for )?(?:the )?(?:last|past|trailing) (?:half (?:a )?year|half-year|six months)\\b",
                TimeFamily.LAST_N, (m, d) -> lastN(d, 6, TimeGrain.MONTH));
        // "the month before", "the previous quarter": the parser moves it before a follow-up's earlier period
        rule("\\b(?:in |for |during )?the (day|week|month|quarter|year) before\\b(?! last)", TimeFamily.SHIFTED,
                (m, d) -> period(d, unit(m.group(1)), -1));
        rule("\\b(?:in |for |during )?(?:the )?(?:previous|prior|preceding) (day|week|month|quarter|year)\\b", TimeFamily.SHIFTED,
                (m, d) -> m.group(1).equals("day") ? day(d.minusDays(1)) : period(d, unit(m.group(1)), -1));
        rule("\\b(?:in |over |during |for )?(?:the )?(?:last|past|previous|prior) (day|week|month|quarter|year)\\b",
                TimeFamily.RELATIVE_PERIOD, (m, d) -> m.group(1).equals("day")
                        ? day(d.minusDays(1)) : period(d, unit(m.group(1)), -1));
        rule("\\b(?:this|current|the current) (week|month|quarter|year)(?: so far| to date)\\b", TimeFamily.TO_DATE,
                (m, d) -> toDate(d, unit(m.group(1))));
        rule("\\bso far this (week|month|quarter|year)\\b", TimeFamily.TO_DATE, (m, d) -> toDate(d, unit(m.group(1))));
        rule("\\b(?:(week|month|quarter|year)[- ]to[- ]date|(wtd|mtd|qtd|ytd))\\b", TimeFamily.TO_DATE,
                (m, d) -> toDate(d, m.group(1) != null ? unit(m.group(1)) : unit(abbreviatedUnit(m.group(2)))));
        rule("\\b(?:this|current|the current) (week|month|quarter|year)\\b", TimeFamily.RELATIVE_PERIOD,
                (m, d) -> period(d, unit(m.group(1)), 0));
        rule("\\b(?:the )?(week|month|quarter|year) before last\\b", TimeFamily.RELATIVE_PERIOD,
                (m, d) -> period(d, unit(m.group(1)), -2));
        rule("\\b(?:the )?(first|second|1st|2nd) half(?: of)?(?: (?:the )?(?:year )?" + YEAR + "| (this|last) year)?\\b",
                TimeFamily.HALF_YEAR, (m, d) -> half(d, m.group(1).startsWith("f") || m.group(1).startsWith("1") ? 1 : 2,
                        yearOf(m.group(2), m.group(3), d)));
        rule("\\bh([12])(?:[ -]?" + YEAR + ")?\\b", TimeFamily.HALF_YEAR,
                (m, d) -> half(d, Integer.parseInt(m.group(1)), yearOf(m.group(2), null, d)));
        rule("\\b" + YEAR + "[ -]?h([12])\\b", TimeFamily.HALF_YEAR,
                (m, d) -> half(d, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1))));
        rule("\\bq([1-4])(?:[ -]?(?:of )?" + YEAR + "|(?: of)? (this|last) year)?\\b", TimeFamily.QUARTER,
                (m, d) -> quarter(d, Integer.parseInt(m.group(1)), yearOf(m.group(2), m.group(3), d)));
        rule("\\b" + YEAR + "[ -]?q([1-4])\\b", TimeFamily.QUARTER,
                (m, d) -> quarter(d, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1))));
        rule("\\b(?:the )?(first|second|third|fourth|1st|2nd|3rd|4th) quarter(?: of)?(?: " + YEAR + "| (this|last) year)?\\b",
                TimeFamily.QUARTER, (m, d) -> quarter(d, ordinal(m.group(1)), yearOf(m.group(2), m.group(3), d)));
        rule("\\b" + YEAR + "[-/.](\\d{1,2})[-/.](\\d{1,2})\\b", TimeFamily.DATE,
                (m, d) -> date(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
        rule("\\b" + MONTH_NAMES + " (\\d{1,2})(?:st|nd|rd|th)?(?:,? " + YEAR + ")?\\b", TimeFamily.DATE,
                (m, d) -> dateInYear(d, month(m.group(1)), Integer.parseInt(m.group(2)), m.group(3)));
        rule("\\b(\\d{1,2})(?:st|nd|rd|th)? (?:of )?" + MONTH_NAMES + "(?:,? " + YEAR + ")?\\b", TimeFamily.DATE,
                (m, d) -> dateInYear(d, month(m.group(2)), Integer.parseInt(m.group(1)), m.group(3)));
        rule("\\b" + MONTH_NAMES + "(?:,? (?:of )?" + YEAR + "| (this|last) year)?\\b", TimeFamily.MONTH,
                (m, d) -> month(d, month(m.group(1)), yearOf(m.group(2), m.group(3), d)));
        rule("\\b" + YEAR + "[-/](\\d{1,2})\\b(?![-/.]\\d)", TimeFamily.MONTH,
                (m, d) -> month(d, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1))));
        rule("\\b(?:the year |fy ?)?" + YEAR + "(?!\\d|年|-\\d|/\\d)", TimeFamily.YEAR,
                (m, d) -> year(Integer.parseInt(m.group(1))));

        // Chinese -----------------------------------------------------------------------------
        rule("大前天", TimeFamily.RELATIVE_DAY, (m, d) -> day(d.minusDays(3)));
        rule("前天", TimeFamily.RELATIVE_DAY, (m, d) -> day(d.minusDays(2)));
        rule("今天|今日|当天", TimeFamily.RELATIVE_DAY, (m, d) -> day(d));
        rule("昨天|昨日", TimeFamily.RELATIVE_DAY, (m, d) -> day(d.minusDays(1)));
        rule("(?:再往前|往前|前)(?:1|一)(?:个)?(天|日|周|星期|礼拜|月|季度|年)", TimeFamily.SHIFTED,
                (m, d) -> zhLastN(d, 1, m.group(1)));
        rule("(?:近|最近|过去)(?:1|一)?(?:个)?半年", TimeFamily.LAST_N, (m, d) -> lastN(d, 6, TimeGrain.MONTH));
        rule("(?:近|最近|过去|前)(\\d+)(?:个)?(天|日|周|星期|礼拜|月|季度|年)", TimeFamily.LAST_N,
                (m, d) -> zhLastN(d, Integer.parseInt(m.group(1)), m.group(2)));
        rule("(?:近|最近|过去)(?:一|1)?(?:个)?(周|星期|礼拜|月|季度|年)", TimeFamily.LAST_N,
                (m, d) -> zhLastN(d, 1, m.group(1)));
        rule("(?<![线以])上上(?:个|一)?(?:周|星期|礼拜)", TimeFamily.RELATIVE_PERIOD, (m, d) -> period(d, TimeGrain.WEEK, -2));
        rule("(?<![线以])上上(?:个|一)?月", TimeFamily.RELATIVE_PERIOD, (m, d) -> period(d, TimeGrain.MONTH, -2));
        rule("(?<![线以上])上(?:个|1个|一个|1)?(?:周|星期|礼拜)", TimeFamily.RELATIVE_PERIOD, (m, d) -> period(d, TimeGrain.WEEK, -1));
        rule("(?:本|这|这个|当)(?:周|星期|礼拜)(?:至今|以来|累计)", TimeFamily.TO_DATE, (m, d) -> toDate(d, TimeGrain.WEEK));
        rule("(?:本|这|这个|当)(?:周|星期|礼拜)", TimeFamily.RELATIVE_PERIOD, (m, d) -> period(d, TimeGrain.WEEK, 0));
        rule("(?<![线以上])上(?:个|1个|一个|1)?月", TimeFamily.RELATIVE_PERIOD, (m, d) -> period(d, TimeGrain.MONTH, -1));
        rule("(?:本月|这个月|当月|月初)(?:至今|以来|累计|到现在)", TimeFamily.TO_DATE, (m, d) -> toDate(d, TimeGrain.MONTH));
        rule("本月|这个月|当月", TimeFamily.RELATIVE_PERIOD, (m, d) -> period(d, TimeGrain.MONTH, 0));
        rule("(?<![线以上])上(?:个|1个|一个|1)?季度?", TimeFamily.RELATIVE_PERIOD, (m, d) -> period(d, TimeGrain.QUARTER, -1));
        rule("(?:本季度?|这个季度|当季度?)(?:至今|以来|累计)", TimeFamily.TO_DATE, (m, d) -> toDate(d, TimeGrain.QUARTER));
        rule("本季度?|这个季度|当季度?", TimeFamily.RELATIVE_PERIOD, (m, d) -> period(d, TimeGrain.QUARTER, 0));
        rule("(?:今年|本年|年初)(?:至今|以来|累计|到现在)|本年度累计", TimeFamily.TO_DATE, (m, d) -> toDate(d, TimeGrain.YEAR));
        rule(ZH_YEAR_WORD + "(上|下)半年", TimeFamily.HALF_YEAR,
                (m, d) -> half(d, m.group(3).equals("上") ? 1 : 2, zhYear(m.group(1), m.group(2), d)));
        rule(ZH_YEAR_WORD + "第?(\\d)季度", TimeFamily.QUARTER,
                (m, d) -> quarter(d, Integer.parseInt(m.group(3)), zhYear(m.group(1), m.group(2), d)));
        rule(ZH_YEAR_WORD + "q([1-4])", TimeFamily.QUARTER,
                (m, d) -> quarter(d, Integer.parseInt(m.group(3)), zhYear(m.group(1), m.group(2), d)));
        rule(ZH_YEAR_WORD + "双(?:11|十一)", TimeFamily.DATE, (m, d) -> zhDate(d, m.group(1), m.group(2), 11, 11));
        rule(ZH_YEAR_WORD + "(\\d{1,2})月(\\d{1,2})(?:日|号)", TimeFamily.DATE,
                (m, d) -> zhDate(d, m.group(1), m.group(2), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))));
        rule(ZH_YEAR_WORD + "(\\d{1,2})月份?", TimeFamily.MONTH,
                (m, d) -> month(d, Integer.parseInt(m.group(3)), zhYear(m.group(1), m.group(2), d)));
        rule(YEAR + "年度?", TimeFamily.YEAR, (m, d) -> year(Integer.parseInt(m.group(1))));
        rule("今年|本年度?|当年", TimeFamily.RELATIVE_PERIOD, (m, d) -> period(d, TimeGrain.YEAR, 0));
        rule("去年|上一年|上年度?", TimeFamily.RELATIVE_PERIOD, (m, d) -> period(d, TimeGrain.YEAR, -1));
        rule("前年", TimeFamily.RELATIVE_PERIOD, (m, d) -> period(d, TimeGrain.YEAR, -2));
    }

    private void rule(String regex, TimeFamily family, BiFunction<Matcher, LocalDate, TimeMention> resolve) {
        rules.add(new Rule(Pattern.compile(regex), family, resolve));
    }

    /**
     * Every time expression in the text, left to right, without overlaps (the longest wins), with
     * "since", "until", "between ... and ...", "from ... to ..." and their Chinese forms folded into
     * one mention each.
     */
    public List<TimeMention> find(String text, LocalDate asOf) {
        List<TimeMention> candidates = new ArrayList<>();
        for (Rule rule : rules) {
            Matcher matcher = rule.pattern().matcher(text);
            while (matcher.find()) {
                TimeMention resolved;
                try {
                    resolved = rule.resolve().apply(matcher, asOf);
                } catch (RuntimeException invalidDate) {
                    continue;
                }
                if (resolved != null) {
                    candidates.add(new TimeMention(matcher.start(), matcher.end(), resolved.from(), resolved.to(),
                            resolved.unit(), rule.family()));
                }
            }
        }
        candidates.sort(Comparator.comparingInt((TimeMention m) -> m.end() - m.start()).reversed()
                .thenComparingInt(TimeMention::start));
        List<TimeMention> chosen = new ArrayList<>();
        for (TimeMention candidate : candidates) {
            if (chosen.stream().noneMatch(c -> c.overlaps(candidate.start(), candidate.end()))) {
                chosen.add(candidate);
            }
        }
        chosen.sort(Comparator.comparingInt(TimeMention::start));
        return combine(text, sharedYear(text, chosen), asOf);
    }

    private static final Pattern EXPLICIT_YEAR = Pattern.compile("20\\d{2}|今年|去年|前年|本年|明年|\\b(?:this|last|next) year\\b");
    private static final java.util.Set<TimeFamily> YEARLESS = java.util.EnumSet.of(TimeFamily.MONTH, TimeFamily.QUARTER,
            TimeFamily.HALF_YEAR, TimeFamily.DATE);

    /**
     * A month, quarter, half or day named without a year next to one named with a year takes that
     * year (一季度 in "2025年二季度和一季度", Q2 in "Q2 vs Q1 2025", 3月15日 in "2024年3月1日到3月15日"),
     * instead of the latest one begun by asOf.
     */
    private static List<TimeMention> sharedYear(String text, List<TimeMention> mentions) {
        if (mentions.size() < 2) {
            return mentions;
        }
        List<TimeMention> out = new ArrayList<>(mentions);
        for (int i = 0; i < out.size(); i++) {
            TimeMention current = out.get(i);
            if (!YEARLESS.contains(current.family()) || current.from() == null || current.to() == null
                    || EXPLICIT_YEAR.matcher(text.substring(current.start(), current.end())).find()) {
                continue;
            }
            TimeMention anchor = null;
            for (int j = 0; j < out.size(); j++) {
                TimeMention other = out.get(j);
                if (j != i && other.from() != null && other.family() != TimeFamily.RELATIVE_DAY
                        && other.family() != TimeFamily.LAST_N && other.family() != TimeFamily.TO_DATE
                        && EXPLICIT_YEAR.matcher(text.substring(other.start(), other.end())).find()
                        && (anchor == null || Math.abs(j - i) < Math.abs(out.indexOf(anchor) - i))) {
                    anchor = other;
                }
            }
            if (anchor == null) {
                continue;
            }
            long years = anchor.from().getYear() - current.from().getYear();
            LocalDate to = current.to().plusYears(years);
            if (current.to().getDayOfMonth() == current.to().lengthOfMonth()) {
                to = to.withDayOfMonth(to.lengthOfMonth());
            }
            out.set(i, new TimeMention(current.start(), current.end(), current.from().plusYears(years), to, current.unit(),
                    current.family()));
        }
        return out;
    }

    private static final Pattern BETWEEN_WORD = Pattern.compile("(?:between|from)\\s*$|(?:从|自|在)\\s*$");
    private static final Pattern AND_WORD = Pattern.compile("^\\s*(?:and|to|until|till|through|thru|-|~|到|至|和)\\s*$");
    private static final Pattern SINCE_BEFORE = Pattern.compile(
            "(?:since|starting|starting from|from|after)(?: the (?:start|beginning) of)?\\s*$|(?:自从|自|从)\\s*$");
    private static final Pattern SINCE_AFTER = Pattern.compile("^\\s*(?:以来|至今|开始|以后|之后|起|到现在|到今天|on(?:ward|wards)?\\b)");
    private static final Pattern UNTIL_BEFORE = Pattern.compile("(?:until|till|up to|up until|through|before|by|as of|prior to)\\s*$|(?:截至|截止到?|到|直到)\\s*$");
    private static final Pattern UNTIL_AFTER = Pattern.compile("^\\s*(?:为止|以前|之前|前)");

    private List<TimeMention> combine(String text, List<TimeMention> mentions, LocalDate asOf) {
        List<TimeMention> out = new ArrayList<>();
        for (int i = 0; i < mentions.size(); i++) {
            TimeMention current = mentions.get(i);
            String before = text.substring(Math.max(0, current.start() - 24), current.start());
            if (i + 1 < mentions.size()) {
                TimeMention next = mentions.get(i + 1);
                String between = text.substring(current.end(), next.start());
                if (AND_WORD.matcher(between).matches()
                        && (BETWEEN_WORD.matcher(before).find() || !between.trim().equals("和") && !between.trim().equals("and"))) {
                    Matcher lead = BETWEEN_WORD.matcher(before);
                    int start = lead.find() ? current.start() - (before.length() - lead.start()) : current.start();
                    int end = next.end();
                    Matcher tail = Pattern.compile("^\\s*(?:之间|期间)").matcher(text.substring(end));
                    if (tail.find()) {
                        end += tail.end();
                    }
                    LocalDate from = current.from() != null ? current.from() : current.to();
                    LocalDate to = next.to() != null ? next.to() : next.from();
                    if (from != null && to != null && !to.isBefore(from)) {
                        out.add(new TimeMention(start, end, from, to, null, TimeFamily.BETWEEN));
                        i++;
                        continue;
                    }
                }
            }
            String after = text.substring(current.end(), Math.min(text.length(), current.end() + 6));
            Matcher sinceBefore = SINCE_BEFORE.matcher(before);
            Matcher sinceAfter = SINCE_AFTER.matcher(after);
            Matcher untilBefore = UNTIL_BEFORE.matcher(before);
            Matcher untilAfter = UNTIL_AFTER.matcher(after);
            if (current.family() != TimeFamily.LAST_N && current.family() != TimeFamily.TO_DATE
                    && (sinceAfter.find() || sinceBefore.find())) {
                int start = sinceBefore.find(0) ? current.start() - (before.length() - sinceBefore.start()) : current.start();
                int end = sinceAfter.find(0) ? current.end() + sinceAfter.end() : current.end();
                out.add(new TimeMention(start, end, current.from(), asOf, null, TimeFamily.SINCE));
            } else if (current.family() != TimeFamily.LAST_N && current.family() != TimeFamily.TO_DATE
                    && (untilBefore.find() || untilAfter.find())) {
                int start = untilBefore.find(0) ? current.start() - (before.length() - untilBefore.start()) : current.start();
                int end = untilAfter.find(0) ? current.end() + untilAfter.end() : current.end();
                String word = untilBefore.find(0) ? untilBefore.group().trim() : untilAfter.group().trim();
                boolean exclusive = word.equals("before") || word.equals("prior to") || word.equals("以前")
                        || word.equals("之前") || word.equals("前");
                LocalDate to = exclusive ? current.from().minusDays(1) : current.to();
                out.add(new TimeMention(start, end, null, to, null, TimeFamily.UNTIL));
            } else {
                out.add(current);
            }
        }
        return out;
    }

    // resolution helpers -------------------------------------------------------------------------

    private static TimeMention mention(LocalDate from, LocalDate to, TimeGrain unit) {
        return new TimeMention(0, 0, from, to, unit, TimeFamily.DATE);
    }

    private static TimeMention day(LocalDate day) {
        return mention(day, day, TimeGrain.DAY);
    }

    /** The calendar period of {@code unit} holding asOf, shifted by {@code offset} periods. */
    public static TimeMention period(LocalDate asOf, TimeGrain unit, int offset) {
        LocalDate start = startOf(asOf, unit);
        start = shift(start, unit, offset);
        return mention(start, endOf(start, unit), unit);
    }

    private static TimeMention toDate(LocalDate asOf, TimeGrain unit) {
        return mention(startOf(asOf, unit), asOf, null);
    }

    private static TimeMention lastN(LocalDate asOf, int count, TimeGrain unit) {
        if (count < 1 || count > 1000) {
            return null;
        }
        if (unit == TimeGrain.DAY) {
            return mention(asOf.minusDays(count), asOf.minusDays(1), null);
        }
        LocalDate currentStart = startOf(asOf, unit);
        LocalDate start = shift(currentStart, unit, -count);
        return mention(start, currentStart.minusDays(1), count == 1 ? unit : null);
    }

    private static TimeMention zhLastN(LocalDate asOf, int count, String unitWord) {
        TimeGrain unit = switch (unitWord) {
            case "天", "日" -> TimeGrain.DAY;
            case "周", "星期", "礼拜" -> TimeGrain.WEEK;
            case "月" -> TimeGrain.MONTH;
            case "季度" -> TimeGrain.QUARTER;
            default -> TimeGrain.YEAR;
        };
        return lastN(asOf, count, unit);
    }

    private static TimeMention half(LocalDate asOf, int half, int year) {
        int month = half == 1 ? 1 : 7;
        LocalDate start = LocalDate.of(latest(year, asOf, month), month, 1);
        return mention(start, start.plusMonths(6).minusDays(1), null);
    }

    private static TimeMention quarter(LocalDate asOf, int quarter, int year) {
        int month = (quarter - 1) * 3 + 1;
        LocalDate start = LocalDate.of(latest(year, asOf, month), month, 1);
        return mention(start, start.plusMonths(3).minusDays(1), TimeGrain.QUARTER);
    }

    private static TimeMention month(LocalDate asOf, int month, int year) {
        YearMonth yearMonth = YearMonth.of(latest(year, asOf, month), month);
        return mention(yearMonth.atDay(1), yearMonth.atEndOfMonth(), TimeGrain.MONTH);
    }

    /** The year given, or when none was (MIN_VALUE) the latest year in which the period starting in that month has begun by asOf. */
    private static int latest(int year, LocalDate asOf, int startMonth) {
        if (year != Integer.MIN_VALUE) {
            return year;
        }
        return LocalDate.of(asOf.getYear(), startMonth, 1).isAfter(asOf) ? asOf.getYear() - 1 : asOf.getYear();
    }

    private static TimeMention year(int year) {
        return mention(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), TimeGrain.YEAR);
    }

    private static TimeMention date(int year, int month, int day) {
        LocalDate date = LocalDate.of(year, month, day);
        return mention(date, date, TimeGrain.DAY);
    }

    private static TimeMention dateInYear(LocalDate asOf, int month, int day, String year) {
        if (year != null) {
            return date(Integer.parseInt(year), month, day);
        }
        LocalDate candidate = LocalDate.of(asOf.getYear(), month, day);
        return day(candidate.isAfter(asOf) ? candidate.minusYears(1) : candidate);
    }

    private static TimeMention zhDate(LocalDate asOf, String yearWord, String yearDigits, int month, int day) {
        if (yearWord == null) {
            return dateInYear(asOf, month, day, null);
        }
        return date(zhYear(yearWord, yearDigits, asOf), month, day);
    }

    /** A year given by digits or by "this/last year"; without either, the latest year whose such period has begun. */
    private static int yearOf(String digits, String relative, LocalDate asOf) {
        if (digits != null) {
            return Integer.parseInt(digits);
        }
        if (relative != null) {
            return relative.equals("last") ? asOf.getYear() - 1 : asOf.getYear();
        }
        return Integer.MIN_VALUE;
    }

    private static int zhYear(String word, String digits, LocalDate asOf) {
        if (digits != null) {
            return Integer.parseInt(digits);
        }
        if (word == null) {
            return Integer.MIN_VALUE;
        }
        return switch (word) {
            case "去年" -> asOf.getYear() - 1;
            case "前年" -> asOf.getYear() - 2;
            case "明年" -> asOf.getYear() + 1;
            default -> asOf.getYear();
        };
    }

    static LocalDate startOf(LocalDate date, TimeGrain unit) {
        return switch (unit) {
            case DAY -> date;
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> date.withDayOfMonth(1);
            case QUARTER -> date.with(IsoFields.DAY_OF_QUARTER, 1);
            case YEAR -> date.withDayOfYear(1);
        };
    }

    static LocalDate shift(LocalDate start, TimeGrain unit, int offset) {
        return switch (unit) {
            case DAY -> start.plusDays(offset);
            case WEEK -> start.plusWeeks(offset);
            case MONTH -> start.plusMonths(offset);
            case QUARTER -> start.plusMonths(3L * offset);
            case YEAR -> start.plusYears(offset);
        };
    }

    static LocalDate endOf(LocalDate start, TimeGrain unit) {
        return shift(start, unit, 1).minusDays(1);
    }

    private static TimeGrain unit(String word) {
        return switch (word) {
            case "day" -> TimeGrain.DAY;
            case "week" -> TimeGrain.WEEK;
            case "month" -> TimeGrain.MONTH;
            case "quarter" -> TimeGrain.QUARTER;
            default -> TimeGrain.YEAR;
        };
    }

    private static String abbreviatedUnit(String abbreviation) {
        return switch (abbreviation) {
            case "wtd" -> "week";
            case "mtd" -> "month";
            case "qtd" -> "quarter";
            default -> "year";
        };
    }

    private static int month(String name) {
        return MONTHS.get(name.toLowerCase(Locale.ROOT));
    }

    private static int number(String word) {
        Integer value = NUMBERS.get(word);
        return value != null ? value : Integer.parseInt(word);
    }

    private static int ordinal(String word) {
        return switch (word) {
            case "first", "1st" -> 1;
            case "second", "2nd" -> 2;
            case "third", "3rd" -> 3;
            default -> 4;
        };
    }
}

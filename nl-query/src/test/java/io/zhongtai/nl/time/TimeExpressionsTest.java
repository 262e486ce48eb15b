package io.zhongtai.nl.time;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhongtai.nl.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeExpressionsTest {
    private static final LocalDate WEDNESDAY = LocalDate.of(2025, 6, 18);
    private final TimeExpressions expressions = new TimeExpressions();

    private TimeMention only(String question, LocalDate asOf) {
        List<TimeMention> found = expressions.find(Normalizer.normalize(question), asOf);
        assertThat(found).as(question).hasSize(1);
        return found.get(0);
    }

    private void range(String question, String from, String to) {
        TimeMention mention = only(question, WEDNESDAY);
        assertThat(mention.from() == null ? null : mention.from().toString()).as(question).isEqualTo(from);
        assertThat(mention.to() == null ? null : mention.to().toString()).as(question).isEqualTo(to);
    }

    @Test
    void relativeDaysAndPeriodsInBothLanguages() {
        range("sales today", "2025-06-18", "2025-06-18");
        range("昨天的订单", "2025-06-17", "2025-06-17");
        range("GMV last week", "2025-06-09", "2025-06-15");
        range("本周销售额", "2025-06-16", "2025-06-22");
        range("上个月的销售额", "2025-05-01", "2025-05-31");
        range("本季度毛利率", "2025-04-01", "2025-06-30");
        range("去年", "2024-01-01", "2024-12-31");
        range("this year", "2025-01-01", "2025-12-31");
    }

    @Test
    void lastNDaysEndYesterdayAndLastNMonthsAreWholeMonths() {
        range("the last 30 days", "2025-05-19", "2025-06-17");
        range("近三十天", "2025-05-19", "2025-06-17");
        range("past 3 months", "2025-03-01", "2025-05-31");
        range("近2周", "2025-06-02", "2025-06-15");
    }

    @Test
    void absoluteYearsMonthsQuartersAndDates() {
        range("2024年", "2024-01-01", "2024-12-31");
        range("2024年3月", "2024-03-01", "2024-03-31");
        range("March 2025", "2025-03-01", "2025-03-31");
        range("Q3 2025", "2025-07-01", "2025-09-30");
        range("2025年第三季度", "2025-07-01", "2025-09-30");
        range("H1 2025", "2025-01-01", "2025-06-30");
        range("去年下半年", "2024-07-01", "2024-12-31");
        range("on 2025-03-15", "2025-03-15", "2025-03-15");
        range("去年双十一", "2024-11-11", "2024-11-11");
    }

    @Test
    void aMonthWithoutAYearIsTheLatestThatHasBegun() {
        range("in March", "2025-03-01", "2025-03-31");
        range("in September", "2024-09-01", "2024-09-30");
        range("Q4", "2024-10-01", "2024-12-31");
    }

    @Test
    void sinceUntilBetweenAndToDate() {
        range("since March 2025", "2025-03-01", "2025-06-18");
        range("2025年3月以来", "2025-03-01", "2025-06-18");
        range("until April 2025", null, "2025-04-30");
        range("截至2025年4月", null, "2025-04-30");
        range("between 2025-01-01 and 2025-02-15", "2025-01-01", "2025-02-15");
        range("从2025年1月到2025年3月", "2025-01-01", "2025-03-31");
        range("year to date", "2025-01-01", "2025-06-18");
        range("本月至今", "2025-06-01", "2025-06-18");
    }

    @Test
    void sinceTheStartOfAPeriodAndHalfAYear() {
        range("orders since the start of March 2025", "2025-03-01", "2025-06-18");
        range("GMV from the beginning of Q2 2025", "2025-04-01", "2025-06-18");
        range("近半年", "2024-12-01", "2025-05-31");
        range("over the past half year", "2024-12-01", "2025-05-31");
        range("the last six months", "2024-12-01", "2025-05-31");
        range("in the past two weeks", "2025-06-02", "2025-06-15");
    }

    @Test
    void thePeriodBeforeIsAShiftThatTheParserAnchorsOnTheEarlierQuestion() {
        TimeMention english = only("how about the month before?", WEDNESDAY);
        TimeMention chinese = only("前一个月呢", WEDNESDAY);
        TimeMention quarter = only("and the previous quarter", WEDNESDAY);

        assertThat(english.family()).isEqualTo(TimeFamily.SHIFTED);
        assertThat(english.unit()).isEqualTo(io.zhongtai.metrics.model.TimeGrain.MONTH);
        assertThat(chinese.family()).isEqualTo(TimeFamily.SHIFTED);
        assertThat(chinese.unit()).isEqualTo(io.zhongtai.metrics.model.TimeGrain.MONTH);
        assertThat(quarter.unit()).isEqualTo(io.zhongtai.metrics.model.TimeGrain.QUARTER);
        // alone, it is the period before asOf's
        assertThat(english.from()).isEqualTo(LocalDate.of(2025, 5, 1));
        assertThat(quarter.from()).isEqualTo(LocalDate.of(2025, 1, 1));
        // "前3个月" stays the last three months
        range("前3个月的销量", "2025-03-01", "2025-05-31");
    }

    @Test
    void aPeriodWithoutAYearTakesTheYearNamedNextToIt() {
        List<TimeMention> quarters = expressions.find(Normalizer.normalize("2024年二季度和一季度的订单量对比"), WEDNESDAY);
        List<TimeMention> english = expressions.find(Normalizer.normalize("orders in Q3 vs Q2 2024"), WEDNESDAY);
        List<TimeMention> months = expressions.find(Normalizer.normalize("2024年2月和1月"), WEDNESDAY);

        assertThat(quarters).extracting(m -> m.from().toString()).containsExactly("2024-04-01", "2024-01-01");
        assertThat(english).extracting(m -> m.from().toString()).containsExactly("2024-07-01", "2024-04-01");
        assertThat(months).extracting(m -> m.to().toString()).containsExactly("2024-02-29", "2024-01-31");
        // without a year anywhere, each is the latest begun by asOf
        assertThat(expressions.find(Normalizer.normalize("Q3 vs Q2"), WEDNESDAY)).extracting(m -> m.from().toString())
                .containsExactly("2024-07-01", "2025-04-01");
    }

    @Test
    void wordsThatMerelyContainTimeCharactersAreNotTimes() {
        assertThat(expressions.find(Normalizer.normalize("线上月度销售额"), WEDNESDAY)).isEmpty();
        assertThat(expressions.find(Normalizer.normalize("gross margin by category"), WEDNESDAY)).isEmpty();
    }
}

package io.zhongtai.nl.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhongtai.metrics.query.MetricQuery;
import io.zhongtai.metrics.query.OrderBy;
import io.zhongtai.metrics.query.TimeRange;
import io.zhongtai.nl.Interpretation;
import io.zhongtai.nl.ParseRequest;
import io.zhongtai.nl.testing.DemoNl;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The reading rules added for verbs, comparatives, shares, participles and periods relative to a
 * follow-up's earlier question, each on questions worded unlike the evaluation sets.
 */
class ReadingRulesTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 1, 1);
    private final DeterministicParser parser = DemoNl.get().parser();

    private MetricQuery answer(String question, MetricQuery previous) {
        Interpretation interpretation = parser.parse(new ParseRequest(question, AS_OF, previous, null));
        assertThat(interpretation).as(question).isInstanceOf(Interpretation.Answer.class);
        return ((Interpretation.Answer) interpretation).query();
    }

    private MetricQuery answer(String question) {
        return answer(question, null);
    }

    @Test
    void aSellingVerbIsTheAmountWithHowMuchAndTheUnitsWithHowMany() {
        assertThat(answer("how much have we sold in Beijing this year").metrics()).containsExactly("gmv");
        assertThat(answer("how many pieces were sold in 2024").metrics()).containsExactly("units_sold");
        assertThat(answer("2024年华南卖出了多少钱").metrics()).containsExactly("gmv");
        assertThat(answer("去年图书一共卖出多少件").metrics()).containsExactly("units_sold");
        assertThat(answer("去年图书一共卖出多少件").filters()).containsExactly("category = 'Books'");
        // without how much or how many, selling stays a question of which metric
        Interpretation unclear = parser.parse(new ParseRequest("2024年卖得最好的品牌", AS_OF, null, null));
        assertThat(unclear).isInstanceOf(Interpretation.Clarification.class);
    }

    @Test
    void aComparativeAfterWhichAsksForTheTopOrBottomOne() {
        MetricQuery more = answer("which gender places more orders?");
        MetricQuery less = answer("哪种门店类型的毛利率更低");

        assertThat(more.metrics()).containsExactly("order_count");
        assertThat(more.dimensions()).containsExactly("gender");
        assertThat(more.orderBy()).containsExactly(OrderBy.desc("order_count"));
        assertThat(more.limit()).isEqualTo(1);
        assertThat(less.dimensions()).containsExactly("store_type");
        assertThat(less.orderBy()).containsExactly(OrderBy.asc("gross_margin"));
        assertThat(less.limit()).isEqualTo(1);
        // "more than" is a threshold, not a comparative
        assertThat(answer("which stores had more than 100 orders in 2025").limit()).isNull();
    }

    @Test
    void aShareOfAValueIsTheRateNamedAfterIt() {
        MetricQuery english = answer("what percentage of orders were refunded in 2024?");
        MetricQuery chinese = answer("2024年退款订单的占比");

        assertThat(english.metrics()).containsExactly("refund_rate");
        assertThat(english.filters()).isEmpty();
        assertThat(english.timeRange()).isEqualTo(new TimeRange(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)));
        assertThat(chinese.metrics()).containsExactly("refund_rate");
        assertThat(chinese.filters()).isEmpty();
    }

    @Test
    void aParticipleOfAOneWordMetricNameLinksToIt() {
        MetricQuery query = answer("best rated store type in 2025");
        assertThat(query.metrics()).containsExactly("avg_rating");
        assertThat(query.dimensions()).containsExactly("store_type");
        assertThat(query.limit()).isEqualTo(1);
    }

    @Test
    void thePeriodBeforeMovesBackFromTheEarlierQuestionsPeriod() {
        MetricQuery earlier = answer("GMV in Q3 2025");
        MetricQuery month = answer("orders in March 2025");

        assertThat(answer("and the quarter before?", earlier).timeRange())
                .isEqualTo(new TimeRange(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 6, 30)));
        assertThat(answer("再往前一个月呢", month).timeRange())
                .isEqualTo(new TimeRange(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 2, 28)));
        assertThat(answer("再往前一个月呢", month).metrics()).containsExactly("order_count");
    }
}

package io.zhongtai.crawlers.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhongtai.core.harvest.TableKind;
import org.junit.jupiter.api.Test;

class SqlIdentifiersTest {
    @Test
    void quotesWithTheEnginesQuoteAndDoublesQuotesInside() {
        assertThat(new SqlIdentifiers("\"").quote("Order \"Items\"")).isEqualTo("\"Order \"\"Items\"\"\"");
        assertThat(new SqlIdentifiers("`").quote("a`b")).isEqualTo("`a``b`");
        assertThat(new SqlIdentifiers("\"").quote("身份证号")).isEqualTo("\"身份证号\"");
    }

    @Test
    void qualifiesTablesWithTheirSchema() {
        assertThat(new SqlIdentifiers("\"").qualified(new TableRef("Odd Schema", "t", TableKind.TABLE)))
                .isEqualTo("\"Odd Schema\".\"t\"");
    }

    @Test
    void leavesNamesAsTheyAreWhenTheEngineHasNoQuotes() {
        assertThat(new SqlIdentifiers("").quote("plain")).isEqualTo("plain");
    }
}

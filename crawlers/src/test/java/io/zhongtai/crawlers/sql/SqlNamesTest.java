package io.zhongtai.crawlers.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.sf.jsqlparser.schema.Table;
import org.junit.jupiter.api.Test;

class SqlNamesTest {
    @Test
    void lowerCasesUnquotedIdentifiers() {
        assertThat(SqlNames.identifier("Orders")).isEqualTo("orders");
        assertThat(SqlNames.identifier("ORDER_ID")).isEqualTo("order_id");
    }

    @Test
    void keepsTheCaseOfQuotedIdentifiersAndDropsTheQuotes() {
        assertThat(SqlNames.identifier("\"Orders\"")).isEqualTo("Orders");
        assertThat(SqlNames.identifier("`Order Items`")).isEqualTo("Order Items");
        assertThat(SqlNames.identifier("[Sales]")).isEqualTo("Sales");
    }

    @Test
    void undoublesQuotesInsideQuotedIdentifiers() {
        assertThat(SqlNames.identifier("\"say \"\"hi\"\"\"")).isEqualTo("say \"hi\"");
        assertThat(SqlNames.identifier("`a``b`")).isEqualTo("a`b");
    }

    @Test
    void qualifiesABareTableWithTheDefaultSchema() {
        SqlNames names = new SqlNames(null, "retail");
        assertThat(names.tableName(List.of("orders"))).isEqualTo("retail.orders");
        assertThat(names.tableName(List.of("mart", "orders"))).isEqualTo("mart.orders");
    }

    @Test
    void putsTheDefaultDatabaseInFrontOfEveryTwoPartName() {
        SqlNames names = new SqlNames("demo", "retail");
        assertThat(names.tableName(List.of("orders"))).isEqualTo("demo.retail.orders");
        assertThat(names.tableName(List.of("mart", "orders"))).isEqualTo("demo.mart.orders");
        assertThat(names.tableName(List.of("other", "mart", "orders"))).isEqualTo("other.mart.orders");
    }

    @Test
    void leavesNamesAloneWithoutDefaults() {
        SqlNames names = new SqlNames(null, null);
        assertThat(names.tableName(List.of("orders"))).isEqualTo("orders");
        assertThat(names.tableName(List.of("mart", "orders"))).isEqualTo("mart.orders");
    }

    @Test
    void readsJSqlParserTablePartsOutermostFirst() {
        assertThat(SqlNames.tableParts(new Table(List.of("\"Db\"", "Sales", "orders")))).containsExactly("Db", "sales", "orders");
    }
}

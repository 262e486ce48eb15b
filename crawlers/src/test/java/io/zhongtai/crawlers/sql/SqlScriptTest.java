package io.zhongtai.crawlers.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhongtai.core.TextPosition;
import io.zhongtai.core.warehouse.Dialect;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlScriptTest {
    private static List<String> statements(Dialect dialect, String sql) {
        SqlScript script = SqlScript.of(sql, SqlDialectSettings.of(dialect));
        return script.statements().stream().map(script::text).toList();
    }

    @Test
    void cutsAtSemicolons() {
        assertThat(statements(Dialect.GENERIC, "SELECT 1; SELECT 2;\nSELECT 3"))
                .containsExactly("SELECT 1", "SELECT 2", "SELECT 3");
    }

    @Test
    void doesNotCutInsideCommentsOrStrings() {
        String sql = "-- a; b\nSELECT 'x;y' AS \"c;d\" /* e; f */ FROM t; SELECT 2";
        assertThat(statements(Dialect.POSTGRES, sql))
                .containsExactly("SELECT 'x;y' AS \"c;d\" /* e; f */ FROM t", "SELECT 2");
    }

    @Test
    void doesNotCutInsideDollarQuotedBodies() {
        String sql = "CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql; SELECT $$a;b$$";
        assertThat(statements(Dialect.POSTGRES, sql)).hasSize(2);
    }

    @Test
    void readsMySqlHashCommentsAndBackslashEscapes() {
        assertThat(statements(Dialect.MYSQL, "# x; y\nSELECT 'it\\'s; ok'; SELECT `a;b` FROM t"))
                .containsExactly("SELECT 'it\\'s; ok'", "SELECT `a;b` FROM t");
    }

    @Test
    void hashIsNotACommentInPostgres() {
        assertThat(statements(Dialect.POSTGRES, "SELECT a # b; SELECT 2")).containsExactly("SELECT a # b", "SELECT 2");
    }

    @Test
    void skipsEmptyStatementsAndTrailingComments() {
        assertThat(statements(Dialect.GENERIC, ";; SELECT 1 ;; -- end;\n")).containsExactly("SELECT 1");
    }

    @Test
    void doubledQuotesStayInsideTheString() {
        assertThat(statements(Dialect.GENERIC, "SELECT 'a'';b'; SELECT 2")).containsExactly("SELECT 'a'';b'", "SELECT 2");
    }

    @Test
    void mapsOffsetsToLinesAndColumnsFromOne() {
        SqlScript script = SqlScript.of("SELECT 1;\n  SELECT 2", SqlDialectSettings.of(Dialect.GENERIC));
        assertThat(script.position(script.statements().get(1).start())).isEqualTo(new TextPosition(2, 3));
        assertThat(script.position(0)).isEqualTo(new TextPosition(1, 1));
    }

    @Test
    void findsAStringThatNeverEnds() {
        SqlScript script = SqlScript.of("SELECT 'abc FROM t", SqlDialectSettings.of(Dialect.GENERIC));
        assertThat(script.unterminatedIn(script.statements().get(0))).isEqualTo(7);
    }
}

package io.zhongtai.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlScriptTest {
    @Test
    void splitsAtSemicolonsThatEndALine() {
        String script =
                """
                -- header comment
                CREATE TABLE t AS
                -- a comment inside
                SELECT 'a;b' AS x;
                COMMENT ON TABLE t IS 'y';\s\s
                SELECT 1""";

        assertThat(SqlScript.statements(script))
                .containsExactly(
                        "CREATE TABLE t AS\n-- a comment inside\nSELECT 'a;b' AS x",
                        "COMMENT ON TABLE t IS 'y'",
                        "SELECT 1");
    }

    @Test
    void dropsChunksOfCommentsOnly() {
        String script =
                """
                SELECT 1;
                -- a trailing note;
                -- and another
                """;

        assertThat(SqlScript.statements(script)).containsExactly("SELECT 1");
    }

    @Test
    void readsTheShippedSchemaIntoStatements() {
        assertThat(SqlScript.statements(SqlScript.resource("/io/zhongtai/demo/retail-schema.sql")))
                .first()
                .isEqualTo("DROP SCHEMA IF EXISTS mart CASCADE");
    }
}

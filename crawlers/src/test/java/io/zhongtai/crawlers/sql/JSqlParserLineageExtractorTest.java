package io.zhongtai.crawlers.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.TextPosition;
import io.zhongtai.core.lineage.ColumnLineage;
import io.zhongtai.core.lineage.SchemaCatalog;
import io.zhongtai.core.lineage.SqlLineage;
import io.zhongtai.core.lineage.SqlLineageRequest;
import io.zhongtai.core.lineage.StatementLineage;
import io.zhongtai.core.warehouse.Dialect;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class JSqlParserLineageExtractorTest {
    private final JSqlParserLineageExtractor extractor = new JSqlParserLineageExtractor();

    private static SqlLineageRequest request(String sql) {
        return new SqlLineageRequest(sql, Dialect.POSTGRES, null, "public");
    }

    private CatalogException error(Dialect dialect, String sql) {
        try {
            extractor.extract(new SqlLineageRequest(sql, dialect, null, null));
        } catch (CatalogException exception) {
            return exception;
        }
        throw new AssertionError("no error for " + sql);
    }

    @Test
    void answersEachStatementAndTheirUnion() {
        SqlLineage lineage = extractor.extract(request(
                "INSERT INTO m.a (x) SELECT x FROM s;\n  INSERT INTO m.a (x) SELECT y FROM u"));
        assertThat(lineage.statements()).extracting(StatementLineage::number).containsExactly(1, 2);
        assertThat(lineage.statements().get(1).start()).isEqualTo(new TextPosition(2, 3));
        assertThat(lineage.statements().get(1).sql()).isEqualTo("INSERT INTO m.a (x) SELECT y FROM u");
        assertThat(lineage.inputs()).containsExactly("public.s", "public.u");
        assertThat(lineage.outputs()).containsExactly("m.a");
        assertThat(lineage.columns()).containsExactly(new ColumnLineage("m.a.x", List.of("public.s.x", "public.u.y")));
    }

    @Test
    void expandsStarFromTheCatalog() {
        SqlLineage lineage = extractor.extract(
                request("CREATE TABLE m.c AS SELECT * FROM o"),
                SchemaCatalog.of(Map.of("public.o", List.of("id", "amount"))));
        assertThat(lineage.columns()).containsExactly(
                new ColumnLineage("m.c.amount", List.of("public.o.amount")),
                new ColumnLineage("m.c.id", List.of("public.o.id")));
        assertThat(lineage.warnings()).isEmpty();
    }

    @Test
    void recordsAStarOverAnUnknownTableAsAllColumnsWithAWarning() {
        SqlLineage lineage = extractor.extract(request("CREATE TABLE m.c AS SELECT * FROM o"));
        assertThat(lineage.columns()).containsExactly(new ColumnLineage("m.c.*", List.of("public.o.*")));
        assertThat(lineage.warnings()).singleElement().asString().contains("public.o");
    }

    @Test
    void warnsWhenABareColumnMayComeFromSeveralTables() {
        SqlLineage lineage = extractor.extract(request("INSERT INTO m.t (a) SELECT x FROM p JOIN q ON p.id = q.id"));
        assertThat(lineage.columns()).containsExactly(new ColumnLineage("m.t.a", List.of("public.p.x", "public.q.x")));
        assertThat(lineage.warnings()).singleElement().asString().contains("may come from");
    }

    @Test
    void reportsAnErrorWithItsPositionInTheWholeScriptAndTheStatementNumber() {
        CatalogException error = error(Dialect.GENERIC, "SELECT 1;\n-- c; d\nSELECT a FROM t WHERE");
        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(error.position()).isEqualTo(new TextPosition(3, 22));
        assertThat(error.getMessage()).startsWith("Statement 2 ").contains("line 3, column 22");
    }

    @Test
    void pointsAtTheUnexpectedWord() {
        CatalogException error = error(Dialect.GENERIC, "SELECT a FROM t WHERE x = 1 garbage here");
        assertThat(error.position()).isEqualTo(new TextPosition(1, 29));
        assertThat(error.getMessage()).contains("'garbage'");
    }

    @Test
    void pointsAtTheStartOfAStringThatNeverEnds() {
        CatalogException error = error(Dialect.MYSQL, "SELECT 1;\nSELECT 'abc FROM t");
        assertThat(error.position()).isEqualTo(new TextPosition(2, 8));
    }

    @Test
    void mapsErrorsInRewrittenHiveTextBackToTheUsersText() {
        CatalogException error = error(Dialect.SPARK, "INSERT OVERWRITE db.t SELECT a FROM s WHERE x = 1 garbage");
        assertThat(error.position()).isEqualTo(new TextPosition(1, 51));
    }

    @Test
    void refusesSqlWithoutStatements() {
        CatalogException error = error(Dialect.GENERIC, "-- nothing; at all\n/* really */");
        assertThat(error.position()).isEqualTo(new TextPosition(1, 1));
    }

    @Test
    void refusesAStatementThatTakesTooLongToParse() {
        JSqlParserLineageExtractor impatient = new JSqlParserLineageExtractor(Duration.ofNanos(1));
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < 2000; i++) {
            sql.append("CASE WHEN a").append(i).append(" > 0 THEN (b + c) * d ELSE e END + ");
        }
        sql.append("1 FROM t");
        assertThatThrownBy(() -> impatient.extract(SqlLineageRequest.of(sql.toString(), Dialect.GENERIC)))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("took longer than");
    }

    @Test
    void knowsTablesCreatedEarlierInTheScript() {
        SqlLineage lineage = extractor.extract(request(
                "CREATE TABLE s.t (a INT, b INT); INSERT INTO s.t SELECT x, y FROM r"));
        assertThat(lineage.columns()).extracting(ColumnLineage::target).containsExactly("s.t.a", "s.t.b");
    }

    @Test
    void useChangesTheDefaultsForTheStatementsAfterIt() {
        SqlLineage lineage = extractor.extract(new SqlLineageRequest(
                "INSERT INTO a SELECT x FROM b; USE WAREHOUSE compute_wh; USE DATABASE prod; USE SCHEMA mart;"
                        + " INSERT INTO c SELECT y FROM d",
                Dialect.SNOWFLAKE, null, "public"));
        assertThat(lineage.statements().get(0).outputs()).containsExactly("public.a");
        assertThat(lineage.statements().get(4).outputs()).containsExactly("prod.mart.c");
        assertThat(lineage.statements().get(4).inputs()).containsExactly("prod.mart.d");
    }

    @Test
    void refusesAUseWithoutAName() {
        CatalogException error = error(Dialect.MYSQL, "SELECT 1;\nUSE ;");
        assertThat(error.position()).isEqualTo(new TextPosition(2, 1));
        assertThat(error.getMessage()).startsWith("Statement 2 ");
    }

    @Test
    void servesConcurrentRequests() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<SqlLineage>> answers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                answers.add(pool.submit(() -> extractor.extract(
                        request("INSERT INTO m.t" + n + " (a) SELECT x FROM s" + n))));
            }
            for (int i = 0; i < answers.size(); i++) {
                assertThat(answers.get(i).get().columns())
                        .containsExactly(new ColumnLineage("m.t" + i + ".a", List.of("public.s" + i + ".x")));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

package io.zhongtai.metrics.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhongtai.core.CatalogException;
import io.zhongtai.core.TextPosition;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpressionParserTest {

    @Test
    void parsesComparisonsWithValuesKeptAsValues() {
        Expr expr = ExpressionParser.parse("channel = 'it''s online'", "f");
        assertThat(expr).isEqualTo(new Expr.Binary("=",
                new Expr.Reference(List.of("channel"), new TextPosition(1, 1)), new Expr.Literal("it's online")));
    }

    @Test
    void andBindsTighterThanOrAndNotTighterThanAnd() {
        Expr expr = ExpressionParser.parse("a = 1 OR NOT b = 2 AND c = 3", "f");
        assertThat(expr).isInstanceOf(Expr.Binary.class);
        Expr.Binary or = (Expr.Binary) expr;
        assertThat(or.operator()).isEqualTo("OR");
        Expr.Binary and = (Expr.Binary) or.right();
        assertThat(and.operator()).isEqualTo("AND");
        assertThat(and.left()).isInstanceOf(Expr.Unary.class);
    }

    @Test
    void arithmeticFollowsUsualPrecedence() {
        Expr expr = ExpressionParser.parse("quantity * unit_price * (1 - discount) + 2", "f");
        Expr.Binary plus = (Expr.Binary) expr;
        assertThat(plus.operator()).isEqualTo("+");
        assertThat(plus.right()).isEqualTo(new Expr.Literal(2L));
        Expr.Binary times = (Expr.Binary) plus.left();
        assertThat(times.operator()).isEqualTo("*");
        assertThat(((Expr.Binary) times.right()).operator()).isEqualTo("-");
    }

    @Test
    void parsesInBetweenLikeIsNullCaseAndFunctions() {
        assertThat(ExpressionParser.parse("category NOT IN ('Beauty', 'Apparel')", "f"))
                .isInstanceOfSatisfying(Expr.In.class, in -> {
                    assertThat(in.negated()).isTrue();
                    assertThat(in.list()).containsExactly(new Expr.Literal("Beauty"), new Expr.Literal("Apparel"));
                });
        assertThat(ExpressionParser.parse("order_date BETWEEN DATE '2024-01-01' AND DATE '2024-12-31'", "f"))
                .isInstanceOfSatisfying(Expr.Between.class, b -> assertThat(b.lower())
                        .isEqualTo(new Expr.Literal(LocalDate.of(2024, 1, 1))));
        assertThat(ExpressionParser.parse("store like 'Shanghai%'", "f")).isInstanceOf(Expr.Like.class);
        assertThat(ExpressionParser.parse("brand IS NOT NULL", "f"))
                .isInstanceOfSatisfying(Expr.IsNull.class, n -> assertThat(n.negated()).isTrue());
        assertThat(ExpressionParser.parse("CASE WHEN rating >= 4 THEN 1 ELSE 0 END", "f"))
                .isInstanceOfSatisfying(Expr.Case.class, c -> assertThat(c.whens()).hasSize(1));
        assertThat(ExpressionParser.parse("lower(region) = user_attribute('region')", "f").references())
                .extracting(Expr.Reference::name).containsExactly("region");
        assertThat(ExpressionParser.parse("-1.5 + products.unit_cost", "f"))
                .isInstanceOfSatisfying(Expr.Binary.class, b -> {
                    assertThat(b.left()).isEqualTo(new Expr.Literal(new BigDecimal("-1.5")));
                    assertThat(((Expr.Reference) b.right()).parts()).containsExactly("products", "unit_cost");
                });
    }

    @Test
    void syntaxErrorNamesLineColumnAndWhatWasExpected() {
        assertThatThrownBy(() -> ExpressionParser.parse("channel = 'online' AND\n  category IN ('Beauty' 'Toys')", "filters[1]"))
                .isInstanceOfSatisfying(CatalogException.class, e -> {
                    assertThat(e.position()).isEqualTo(new TextPosition(2, 25));
                    assertThat(e.getMessage()).startsWith("filters[1]: unexpected ''Toys'' at line 2, column 25; expected ")
                            .contains("')'").contains("','");
                });
    }

    @Test
    void unterminatedExpressionSaysEndOfExpression() {
        assertThatThrownBy(() -> ExpressionParser.parse("gmv >", "f"))
                .isInstanceOfSatisfying(CatalogException.class, e -> {
                    assertThat(e.position()).isEqualTo(new TextPosition(1, 6));
                    assertThat(e.getMessage()).contains("unexpected end of expression at line 1, column 6");
                });
    }

    @Test
    void unknownFunctionListsTheClosest() {
        assertThatThrownBy(() -> ExpressionParser.parse("lowr(city) = 'x'", "f"))
                .isInstanceOfSatisfying(CatalogException.class, e -> {
                    assertThat(e.position()).isEqualTo(new TextPosition(1, 1));
                    assertThat(e.getMessage()).contains("unknown function 'lowr'").contains("did you mean lower");
                });
    }

    @Test
    void strayCharacterIsAnErrorNotIgnored() {
        assertThatThrownBy(() -> ExpressionParser.parse("channel = 'online'; DROP TABLE x", "f"))
                .isInstanceOfSatisfying(CatalogException.class, e -> {
                    assertThat(e.position()).isEqualTo(new TextPosition(1, 19));
                    assertThat(e.getMessage()).contains("unexpected ';'");
                });
    }
}

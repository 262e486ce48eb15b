package io.zhongtai.metrics.expr;

import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.FieldError;
import io.zhongtai.core.TextPosition;
import io.zhongtai.metrics.validate.Suggestions;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Parses expression-language text into an {@link Expr}. A syntax error is a {@link
 * CatalogException} (INVALID_REQUEST) naming the field, the line and column (from 1), what was
 * found and what was expected. Parsed expressions are cached: definitions repeat the same ones.
 */
public final class ExpressionParser {
    private static final Map<String, Expr> CACHE = new ConcurrentHashMap<>();
    private static final int CACHE_LIMIT = 10_000;

    private ExpressionParser() {}

    /**
     * @param field where the text comes from, for messages ({@code filters[0]}, {@code metrics[2].filter})
     */
    public static Expr parse(String text, String field) {
        Expr cached = CACHE.get(text);
        if (cached != null) {
            return cached;
        }
        Expr parsed = parseUncached(text, field);
        if (CACHE.size() < CACHE_LIMIT) {
            CACHE.put(text, parsed);
        }
        return parsed;
    }

    private static Expr parseUncached(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new CatalogException(ErrorCode.INVALID_REQUEST, field + ": the expression is empty",
                    List.of(new FieldError(field, "the expression is empty")));
        }
        MetricExpressionLexer lexer = new MetricExpressionLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        MetricExpressionParser parser = new MetricExpressionParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        FirstError errors = new FirstError(field);
        parser.addErrorListener(errors);
        MetricExpressionParser.ParseContext tree = parser.parse();
        if (errors.error != null) {
            throw errors.error;
        }
        return new AstBuilder(field).visit(tree.expression());
    }

    /** Keeps the first syntax error, phrased for a person. */
    private static final class FirstError extends BaseErrorListener {
        private final String field;
        private CatalogException error;

        FirstError(String field) {
            this.field = field;
        }

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int column,
                String antlrMessage, RecognitionException e) {
            if (error != null) {
                return;
            }
            String found = describe(offendingSymbol);
            String expected = expected((Parser) recognizer, e);
            String reason = "unexpected " + found + " at line " + line + ", column " + (column + 1)
                    + (expected.isEmpty() ? "" : "; expected " + expected);
            error = new CatalogException(ErrorCode.INVALID_REQUEST, field + ": " + reason,
                    new TextPosition(line, column + 1), null);
        }

        private static String describe(Object symbol) {
            if (symbol instanceof Token token) {
                if (token.getType() == Token.EOF) {
                    return "end of expression";
                }
                return "'" + token.getText() + "'";
            }
            return "input";
        }

        private static String expected(Parser parser, RecognitionException e) {
            IntervalSet tokens;
            if (e instanceof InputMismatchException || e instanceof NoViableAltException || e == null) {
                try {
                    tokens = parser.getExpectedTokens();
                } catch (IllegalArgumentException ignored) {
                    return "";
                }
            } else {
                tokens = e.getExpectedTokens();
            }
            if (tokens == null) {
                return "";
            }
            TreeSet<String> names = new TreeSet<>();
            for (int type : tokens.toList()) {
                names.add(tokenName(parser, type));
            }
            names.remove("");
            if (names.size() > 12) {
                return "an expression, an operator or a closing parenthesis";
            }
            return String.join(", ", names);
        }

        private static String tokenName(Parser parser, int type) {
            if (type == Token.EOF) {
                return "end of expression";
            }
            return switch (parser.getVocabulary().getSymbolicName(type) == null ? "" : parser.getVocabulary().getSymbolicName(type)) {
                case "IDENTIFIER", "QUOTED_IDENTIFIER" -> "a name";
                case "STRING" -> "a 'text' value";
                case "NUMBER" -> "a number";
                case "UNEXPECTED", "WS" -> "";
                case "" -> parser.getVocabulary().getLiteralName(type) == null ? "" : parser.getVocabulary().getLiteralName(type);
                default -> parser.getVocabulary().getSymbolicName(type);
            };
        }
    }

    /** Turns the parse tree into {@link Expr} nodes. */
    private static final class AstBuilder extends MetricExpressionBaseVisitor<Expr> {
        private final String field;

        AstBuilder(String field) {
            this.field = field;
        }

        private static TextPosition position(ParserRuleContext context) {
            Token start = context.getStart();
            return new TextPosition(Math.max(1, start.getLine()), start.getCharPositionInLine() + 1);
        }

        @Override
        public Expr visitNotExpression(MetricExpressionParser.NotExpressionContext ctx) {
            return new Expr.Unary("NOT", visit(ctx.expression()));
        }

        @Override
        public Expr visitAndExpression(MetricExpressionParser.AndExpressionContext ctx) {
            return new Expr.Binary("AND", visit(ctx.expression(0)), visit(ctx.expression(1)));
        }

        @Override
        public Expr visitOrExpression(MetricExpressionParser.OrExpressionContext ctx) {
            return new Expr.Binary("OR", visit(ctx.expression(0)), visit(ctx.expression(1)));
        }

        @Override
        public Expr visitPredicateExpression(MetricExpressionParser.PredicateExpressionContext ctx) {
            return visit(ctx.predicate());
        }

        @Override
        public Expr visitComparison(MetricExpressionParser.ComparisonContext ctx) {
            String op = ctx.op.getText();
            return new Expr.Binary("!=".equals(op) ? "<>" : op, visit(ctx.left), visit(ctx.right));
        }

        @Override
        public Expr visitInList(MetricExpressionParser.InListContext ctx) {
            List<Expr> list = new ArrayList<>();
            for (int i = 1; i < ctx.valueExpression().size(); i++) {
                list.add(visit(ctx.valueExpression(i)));
            }
            return new Expr.In(visit(ctx.valueExpression(0)), list, ctx.NOT() != null);
        }

        @Override
        public Expr visitBetween(MetricExpressionParser.BetweenContext ctx) {
            return new Expr.Between(visit(ctx.valueExpression(0)), visit(ctx.lower), visit(ctx.upper), ctx.NOT() != null);
        }

        @Override
        public Expr visitLike(MetricExpressionParser.LikeContext ctx) {
            return new Expr.Like(visit(ctx.valueExpression(0)), visit(ctx.pattern), ctx.NOT() != null);
        }

        @Override
        public Expr visitIsNull(MetricExpressionParser.IsNullContext ctx) {
            return new Expr.IsNull(visit(ctx.valueExpression()), ctx.NOT() != null);
        }

        @Override
        public Expr visitPlainValue(MetricExpressionParser.PlainValueContext ctx) {
            return visit(ctx.valueExpression());
        }

        @Override
        public Expr visitUnaryMinus(MetricExpressionParser.UnaryMinusContext ctx) {
            Expr operand = visit(ctx.valueExpression());
            if ("+".equals(ctx.op.getText())) {
                return operand;
            }
            if (operand instanceof Expr.Literal literal && literal.value() instanceof Long number) {
                return new Expr.Literal(-number);
            }
            if (operand instanceof Expr.Literal literal && literal.value() instanceof BigDecimal number) {
                return new Expr.Literal(number.negate());
            }
            return new Expr.Unary("-", operand);
        }

        @Override
        public Expr visitMultiplicative(MetricExpressionParser.MultiplicativeContext ctx) {
            return new Expr.Binary(ctx.op.getText(), visit(ctx.left), visit(ctx.right));
        }

        @Override
        public Expr visitAdditive(MetricExpressionParser.AdditiveContext ctx) {
            return new Expr.Binary(ctx.op.getText(), visit(ctx.left), visit(ctx.right));
        }

        @Override
        public Expr visitConcatenation(MetricExpressionParser.ConcatenationContext ctx) {
            return new Expr.Binary("||", visit(ctx.left), visit(ctx.right));
        }

        @Override
        public Expr visitPrimaryValue(MetricExpressionParser.PrimaryValueContext ctx) {
            return visit(ctx.primary());
        }

        @Override
        public Expr visitLiteralValue(MetricExpressionParser.LiteralValueContext ctx) {
            return visit(ctx.literal());
        }

        @Override
        public Expr visitCaseExpression(MetricExpressionParser.CaseExpressionContext ctx) {
            List<Expr.When> whens = new ArrayList<>();
            for (MetricExpressionParser.WhenClauseContext when : ctx.whenClause()) {
                whens.add(new Expr.When(visit(when.condition), visit(when.result)));
            }
            return new Expr.Case(ctx.operand == null ? null : visit(ctx.operand), whens,
                    ctx.elseValue == null ? null : visit(ctx.elseValue));
        }

        @Override
        public Expr visitFunctionCall(MetricExpressionParser.FunctionCallContext ctx) {
            String name = identifier(ctx.name).toLowerCase(Locale.ROOT);
            TextPosition at = position(ctx);
            int[] arity = Functions.KNOWN.get(name);
            if (arity == null) {
                String reason = "unknown function '" + name + "' at line " + at.line() + ", column " + at.column()
                        + Suggestions.didYouMean(name, Functions.KNOWN.keySet());
                throw new CatalogException(ErrorCode.INVALID_REQUEST, field + ": " + reason, at, null);
            }
            List<Expr> arguments = new ArrayList<>();
            for (MetricExpressionParser.ExpressionContext argument : ctx.expression()) {
                arguments.add(visit(argument));
            }
            if (arguments.size() < arity[0] || arguments.size() > arity[1]) {
                String count = arity[0] == arity[1] ? String.valueOf(arity[0]) : arity[0] + " to " + arity[1];
                String reason = name + "() takes " + count + " argument(s), not " + arguments.size() + " (line "
                        + at.line() + ", column " + at.column() + ")";
                throw new CatalogException(ErrorCode.INVALID_REQUEST, field + ": " + reason, at, null);
            }
            return new Expr.Call(name, arguments, at);
        }

        @Override
        public Expr visitReference(MetricExpressionParser.ReferenceContext ctx) {
            List<String> parts = new ArrayList<>();
            for (MetricExpressionParser.IdentifierContext identifier : ctx.identifier()) {
                parts.add(identifier(identifier));
            }
            return new Expr.Reference(parts, position(ctx));
        }

        @Override
        public Expr visitParenthesized(MetricExpressionParser.ParenthesizedContext ctx) {
            return visit(ctx.expression());
        }

        @Override
        public Expr visitStringLiteral(MetricExpressionParser.StringLiteralContext ctx) {
            return new Expr.Literal(unquote(ctx.STRING().getText(), '\''));
        }

        @Override
        public Expr visitNumberLiteral(MetricExpressionParser.NumberLiteralContext ctx) {
            String text = ctx.NUMBER().getText();
            if (!text.contains(".")) {
                try {
                    return new Expr.Literal(Long.parseLong(text));
                } catch (NumberFormatException tooLong) {
                    return new Expr.Literal(new BigDecimal(text));
                }
            }
            return new Expr.Literal(new BigDecimal(text));
        }

        @Override
        public Expr visitDateLiteral(MetricExpressionParser.DateLiteralContext ctx) {
            TerminalNode string = ctx.STRING();
            String value = unquote(string.getText(), '\'');
            try {
                return new Expr.Literal(LocalDate.parse(value));
            } catch (DateTimeParseException e) {
                TextPosition at = new TextPosition(string.getSymbol().getLine(), string.getSymbol().getCharPositionInLine() + 1);
                throw new CatalogException(ErrorCode.INVALID_REQUEST, field + ": '" + value
                        + "' is not a date YYYY-MM-DD (line " + at.line() + ", column " + at.column() + ")", at, null);
            }
        }

        @Override
        public Expr visitBooleanLiteral(MetricExpressionParser.BooleanLiteralContext ctx) {
            return new Expr.Literal(ctx.TRUE() != null);
        }

        @Override
        public Expr visitNullLiteral(MetricExpressionParser.NullLiteralContext ctx) {
            return new Expr.Literal(null);
        }

        private static String identifier(MetricExpressionParser.IdentifierContext ctx) {
            if (ctx.QUOTED_IDENTIFIER() != null) {
                return unquote(ctx.QUOTED_IDENTIFIER().getText(), '"');
            }
            return ctx.IDENTIFIER().getText();
        }

        private static String unquote(String text, char quote) {
            String inner = text.substring(1, text.length() - 1);
            String doubled = String.valueOf(quote) + quote;
            return inner.replace(doubled, String.valueOf(quote));
        }
    }
}

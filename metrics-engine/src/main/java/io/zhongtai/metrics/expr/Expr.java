package io.zhongtai.metrics.expr;

import static java.util.Objects.requireNonNull;

import io.zhongtai.core.TextPosition;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A parsed expression of the metric expression language ({@code MetricExpression.g4}). Values
 * from the text stay values here; the compiler turns them into bound parameters or escaped
 * literals, never into SQL text.
 */
public sealed interface Expr {

    /** Calls {@code visitor} on this node and every node below it, depth first. */
    default void walk(Consumer<Expr> visitor) {
        visitor.accept(this);
        for (Expr child : children()) {
            child.walk(visitor);
        }
    }

    List<Expr> children();

    /** Every reference in the expression, in text order. */
    default List<Reference> references() {
        List<Reference> out = new ArrayList<>();
        walk(e -> {
            if (e instanceof Reference reference) {
                out.add(reference);
            }
        });
        return out;
    }

    /**
     * A constant: a {@link String}, a {@link java.math.BigDecimal} (or {@link Long} for a whole
     * number), a {@link Boolean}, a {@link java.time.LocalDate}, or null.
     */
    record Literal(Object value) implements Expr {
        @Override
        public List<Expr> children() {
            return List.of();
        }
    }

    /** A name: {@code channel}, {@code products.unit_cost}, {@code customer__gender}. */
    record Reference(List<String> parts, TextPosition position) implements Expr {
        public Reference {
            parts = List.copyOf(parts);
        }

        /** The reference as written, dotted. */
        public String name() {
            return String.join(".", parts);
        }

        @Override
        public List<Expr> children() {
            return List.of();
        }
    }

    /** {@code -x}, {@code +x} or {@code NOT x}. */
    record Unary(String operator, Expr operand) implements Expr {
        @Override
        public List<Expr> children() {
            return List.of(operand);
        }
    }

    /** AND, OR, a comparison ({@code = <> < <= > >=}), arithmetic ({@code + - * / %}) or {@code ||}. */
    record Binary(String operator, Expr left, Expr right) implements Expr {
        public Binary {
            requireNonNull(operator, "operator is null");
        }

        @Override
        public List<Expr> children() {
            return List.of(left, right);
        }
    }

    record In(Expr value, List<Expr> list, boolean negated) implements Expr {
        public In {
            list = List.copyOf(list);
        }

        @Override
        public List<Expr> children() {
            List<Expr> all = new ArrayList<>();
            all.add(value);
            all.addAll(list);
            return all;
        }
    }

    record Between(Expr value, Expr lower, Expr upper, boolean negated) implements Expr {
        @Override
        public List<Expr> children() {
            return List.of(value, lower, upper);
        }
    }

    record Like(Expr value, Expr pattern, boolean negated) implements Expr {
        @Override
        public List<Expr> children() {
            return List.of(value, pattern);
        }
    }

    record IsNull(Expr value, boolean negated) implements Expr {
        @Override
        public List<Expr> children() {
            return List.of(value);
        }
    }

    /** {@code CASE [operand] WHEN ... THEN ... [ELSE ...] END}; operand and otherwise may be null. */
    record Case(Expr operand, List<When> whens, Expr otherwise) implements Expr {
        public Case {
            whens = List.copyOf(whens);
        }

        @Override
        public List<Expr> children() {
            List<Expr> all = new ArrayList<>();
            if (operand != null) {
                all.add(operand);
            }
            for (When when : whens) {
                all.add(when.condition());
                all.add(when.result());
            }
            if (otherwise != null) {
                all.add(otherwise);
            }
            return all;
        }
    }

    record When(Expr condition, Expr result) {}

    /** A call of one of {@link Functions#KNOWN}; the name lower-cased. */
    record Call(String name, List<Expr> arguments, TextPosition position) implements Expr {
        public Call {
            arguments = List.copyOf(arguments);
        }

        @Override
        public List<Expr> children() {
            return arguments;
        }
    }
}

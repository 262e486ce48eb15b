package io.zhongtai.metrics.compile;

import io.zhongtai.metrics.expr.Expr;
import io.zhongtai.metrics.expr.ExpressionParser;

/**
 * A filter parsed once, with the place it came from for messages. Two filters are the same when
 * their text is.
 *
 * @param policy true for a policy's row filter (may read {@code user_attribute()})
 */
record ParsedFilter(String text, String field, Expr expr, boolean policy) {
    static ParsedFilter parse(String text, String field, boolean policy) {
        return new ParsedFilter(text, field, ExpressionParser.parse(text, field), policy);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ParsedFilter that && that.text.equals(text) && that.policy == policy;
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}

package io.zhongtai.metrics.compile;

import io.zhongtai.metrics.expr.Expr;
import io.zhongtai.metrics.model.ComparisonOutput;
import java.util.Map;

/** How a result column is computed from the aggregations ({@link Leaf}s) of a query. */
sealed interface PlanNode {

    record LeafNode(Leaf leaf) implements PlanNode {}

    /** numerator / denominator as a double, null when the denominator is 0. */
    record RatioNode(PlanNode numerator, PlanNode denominator) implements PlanNode {}

    /** A derived metric's expression over its named inputs. */
    record DerivedNode(Expr expr, Map<String, PlanNode> inputs, String field) implements PlanNode {
        public DerivedNode {
            inputs = Map.copyOf(inputs);
        }
    }

    /** A value against an earlier one: the earlier value, the difference or the growth rate. */
    record CompareNode(PlanNode current, PlanNode earlier, ComparisonOutput output) implements PlanNode {}
}

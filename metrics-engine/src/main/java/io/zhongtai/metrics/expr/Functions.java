package io.zhongtai.metrics.expr;

import java.util.Map;

/**
 * The functions the expression language knows, with how many arguments each takes (minimum and
 * maximum). Kept small on purpose: each one renders on every supported dialect.
 */
public final class Functions {
    /** Name -&gt; {minimum, maximum} argument count. */
    public static final Map<String, int[]> KNOWN = Map.ofEntries(
            Map.entry("lower", new int[] {1, 1}),
            Map.entry("upper", new int[] {1, 1}),
            Map.entry("trim", new int[] {1, 1}),
            Map.entry("length", new int[] {1, 1}),
            Map.entry("abs", new int[] {1, 1}),
            Map.entry("round", new int[] {1, 2}),
            Map.entry("floor", new int[] {1, 1}),
            Map.entry("ceil", new int[] {1, 1}),
            Map.entry("coalesce", new int[] {2, 10}),
            Map.entry("nullif", new int[] {2, 2}),
            Map.entry("user_attribute", new int[] {1, 1}));

    private Functions() {}
}

package io.zhongtai.metrics.compile;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Values from filters (a user's or an LLM's text) on their way to the warehouse: each becomes a
 * {@code ?} placeholder bound at execution, and, for the SQL shown to people and used as the
 * cache key, a literal written by the dialect.
 */
final class Parameters {
    private final List<Object> values = new ArrayList<>();

    SqlNode bind(Object value) {
        values.add(value);
        return new SqlDynamicParam(values.size() - 1, Sql.POS);
    }

    List<Object> values() {
        return values;
    }

    /** The tree with every placeholder replaced by its value as a literal. */
    SqlNode inline(SqlNode tree) {
        return tree.accept(new SqlShuttle() {
            @Override
            public SqlNode visit(SqlDynamicParam param) {
                return Sql.literal(values.get(param.getIndex()));
            }
        });
    }
}

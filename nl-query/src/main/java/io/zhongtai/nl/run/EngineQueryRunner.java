package io.zhongtai.nl.run;

import static java.util.Objects.requireNonNull;

import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.warehouse.Dialect;
import io.zhongtai.metrics.compile.MetricCompiler;
import io.zhongtai.metrics.compile.Target;
import io.zhongtai.metrics.execute.MetricExecutor;
import io.zhongtai.metrics.query.Caller;
import io.zhongtai.metrics.query.CompiledQuery;
import io.zhongtai.metrics.query.MetricQuery;
import io.zhongtai.metrics.query.QueryResult;
import io.zhongtai.metrics.validate.Suggestions;
import java.util.function.Function;

/** A {@link QueryRunner} over the metrics engine's compiler and executor, for one caller. */
public final class EngineQueryRunner implements QueryRunner {
    private final MetricCompiler compiler;
    private final MetricExecutor executor;
    private final Function<String, Dialect> dialects;
    private final Caller caller;

    /**
     * @param dialects the dialect of a registered warehouse by name
     */
    public EngineQueryRunner(MetricCompiler compiler, MetricExecutor executor, Function<String, Dialect> dialects, Caller caller) {
        this.compiler = requireNonNull(compiler, "compiler is null");
        this.executor = requireNonNull(executor, "executor is null");
        this.dialects = requireNonNull(dialects, "dialects is null");
        this.caller = requireNonNull(caller, "caller is null");
    }

    public EngineQueryRunner forCaller(Caller other) {
        return new EngineQueryRunner(compiler, executor, dialects, other);
    }

    private CompiledQuery compile(MetricQuery query) {
        for (String metric : query.metrics()) {
            if (compiler.index().metric(metric).isEmpty()) {
                // named before the warehouse is looked for, which an unknown metric would hide
                throw new CatalogException(ErrorCode.UNKNOWN_REFERENCE, "Unknown metric '" + metric + "'"
                        + Suggestions.didYouMean(metric, compiler.index().metrics().keySet()));
            }
        }
        String warehouse = compiler.warehouseOf(query);
        return compiler.compile(query, caller, new Target(warehouse, dialects.apply(warehouse)));
    }

    @Override
    public String validate(MetricQuery query) {
        return compile(query).sql();
    }

    @Override
    public QueryResult run(MetricQuery query) {
        return executor.execute(compile(query));
    }
}

package io.zhongtai.nl.testing;

import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.warehouse.Dialect;
import io.zhongtai.demo.DemoRetail;
import io.zhongtai.metrics.catalog.ManifestCatalog;
import io.zhongtai.metrics.compile.MetricCompiler;
import io.zhongtai.metrics.demo.DemoMetrics;
import io.zhongtai.metrics.execute.ExecutorSettings;
import io.zhongtai.metrics.execute.MetricExecutor;
import io.zhongtai.metrics.model.SemanticManifest;
import io.zhongtai.metrics.query.Caller;
import io.zhongtai.metrics.semantic.SemanticIndex;
import io.zhongtai.nl.embed.ParaphraseLinker;
import io.zhongtai.nl.lexicon.Lexicon;
import io.zhongtai.nl.parse.DeterministicParser;
import io.zhongtai.nl.parse.MetricFacts;
import io.zhongtai.nl.run.EngineQueryRunner;
import io.zhongtai.nl.run.WarehouseValueSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Properties;
import org.duckdb.DuckDBConnection;

/**
 * The demo warehouse (scale 0.05, seed 42) in a DuckDB file, its governed metrics, the metrics
 * engine over them and a lexicon whose values were read through the engine: built once per test
 * JVM.
 */
public final class DemoNl {
    public static final double SCALE = 0.05;
    private static DemoNl instance;

    public final SemanticManifest manifest;
    public final ManifestCatalog catalog;
    public final MetricCompiler compiler;
    public final MetricExecutor executor;
    public final EngineQueryRunner runner;
    public final Lexicon lexicon;
    public final MetricFacts facts;
    private final DuckDBConnection duckdb;

    private DemoNl() throws Exception {
        Path directory = Files.createTempDirectory("nl-demo");
        Properties properties = new Properties();
        properties.setProperty("autoinstall_known_extensions", "false");
        properties.setProperty("autoload_known_extensions", "false");
        duckdb = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + directory.resolve("demo.duckdb"), properties);
        DemoRetail.generate(duckdb, DemoRetail.DEFAULT_SEED, SCALE);
        DemoRetail.runEtl(duckdb);
        manifest = DemoMetrics.manifest();
        SemanticIndex index = new SemanticIndex(manifest);
        catalog = new ManifestCatalog(index);
        compiler = new MetricCompiler(index);
        executor = new MetricExecutor(warehouse -> {
            if (!"demo".equals(warehouse)) {
                throw new CatalogException(ErrorCode.WAREHOUSE_NOT_FOUND, "no warehouse " + warehouse);
            }
            try {
                return duckdb.duplicate();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }, ExecutorSettings.defaults());
        runner = new EngineQueryRunner(compiler, executor, w -> Dialect.DUCKDB, Caller.system());
        lexicon = Lexicon.build(catalog, new WarehouseValueSource(catalog, runner, 1000));
        facts = new MetricFacts(manifest);
    }

    public static synchronized DemoNl get() {
        if (instance == null) {
            try {
                instance = new DemoNl();
            } catch (Exception e) {
                throw new IllegalStateException("Cannot build the demo", e);
            }
        }
        return instance;
    }

    public DeterministicParser parser() {
        return new DeterministicParser(lexicon, facts, ParaphraseLinker.none());
    }

    public DeterministicParser parser(ParaphraseLinker paraphrases) {
        return new DeterministicParser(lexicon, facts, paraphrases);
    }
}

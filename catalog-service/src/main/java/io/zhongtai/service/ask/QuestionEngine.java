package io.zhongtai.service.ask;

import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.security.SecretCipher;
import io.zhongtai.core.warehouse.Warehouse;
import io.zhongtai.core.warehouse.WarehouseConnections;
import io.zhongtai.core.warehouse.WarehouseStore;
import io.zhongtai.metrics.catalog.ManifestCatalog;
import io.zhongtai.metrics.compile.MetricCompiler;
import io.zhongtai.metrics.demo.DemoMetrics;
import io.zhongtai.metrics.execute.ExecutorSettings;
import io.zhongtai.metrics.execute.MetricExecutor;
import io.zhongtai.metrics.model.SemanticManifest;
import io.zhongtai.metrics.query.Caller;
import io.zhongtai.metrics.semantic.SemanticIndex;
import io.zhongtai.nl.Explainer;
import io.zhongtai.nl.QuestionParser;
import io.zhongtai.nl.ask.AskService;
import io.zhongtai.nl.conversation.ConversationStore;
import io.zhongtai.nl.embed.EmbeddingParaphraseLinker;
import io.zhongtai.nl.embed.InProcessModels;
import io.zhongtai.nl.embed.OfflineModels;
import io.zhongtai.nl.embed.ParaphraseLinker;
import io.zhongtai.nl.feedback.JsonLinesFeedbackStore;
import io.zhongtai.nl.lexicon.Lexicon;
import io.zhongtai.nl.llm.ChatModels;
import io.zhongtai.nl.llm.LlmParser;
import io.zhongtai.nl.llm.LlmSettings;
import io.zhongtai.nl.parse.DeterministicParser;
import io.zhongtai.nl.parse.MetricFacts;
import io.zhongtai.nl.run.EngineQueryRunner;
import io.zhongtai.nl.run.QueryRunner;
import io.zhongtai.nl.run.WarehouseValueSource;
import io.zhongtai.service.config.HomeDirectory;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The question service's parts, built on first use: the governed metrics (the demo's definitions
 * until the metrics engine's definition store is wired into the service), the metrics engine's
 * compiler and executor over the registered warehouses, the lexicon (values read through the
 * engine), the deterministic parser, the LLM parser when configured, conversations and feedback
 * under {@code $ZHONGTAI_HOME/nl/}. The embedding models load in the background on the first
 * question; until they are ready questions are linked by names alone.
 */
@Singleton
public class QuestionEngine {
    private static final Logger LOG = LoggerFactory.getLogger(QuestionEngine.class);

    private final WarehouseStore warehouses;
    private final WarehouseConnections connections;
    private final SecretCipher cipher;
    private final NlConfig config;
    private final LlmSettings llm;
    private final ConversationStore conversations;
    private final JsonLinesFeedbackStore feedback;
    private final AtomicReference<ParaphraseLinker> paraphrases = new AtomicReference<>(ParaphraseLinker.none());
    private volatile Parts parts;
    private volatile boolean modelsRequested;

    /** Everything that depends on the definitions and the warehouse's values. */
    record Parts(ManifestCatalog catalog, SemanticManifest manifest, MetricCompiler compiler, MetricExecutor executor,
            Lexicon lexicon, MetricFacts facts, Explainer explainer) {}

    public QuestionEngine(WarehouseStore warehouses, WarehouseConnections connections, SecretCipher cipher, NlConfig config,
            LlmConfig llmConfig, HomeDirectory home) {
        this.warehouses = warehouses;
        this.connections = connections;
        this.cipher = cipher;
        this.config = config;
        this.llm = llmConfig.settings();
        this.conversations = new ConversationStore(config.conversations(), config.idle(), Clock.systemUTC());
        this.feedback = new JsonLinesFeedbackStore(home.path().resolve("nl").resolve("feedback.jsonl"));
        OfflineModels.configure();
    }

    public JsonLinesFeedbackStore feedback() {
        return feedback;
    }

    public ConversationStore conversations() {
        return conversations;
    }

    public boolean llmEnabled() {
        return llm.enabled();
    }

    /** A runner of metric queries on behalf of a caller, through the same compiler and executor. */
    public QueryRunner runner(Caller caller) {
        Parts current = parts();
        return new EngineQueryRunner(current.compiler(), current.executor(), name -> warehouse(name).dialect(), caller);
    }

    /** The ask service with the parsers as configured now. */
    public AskService askService() {
        Parts current = parts();
        loadModelsInBackground(current);
        DeterministicParser deterministic = new DeterministicParser(current.lexicon(), current.facts(), paraphrases.get());
        QuestionParser parser = deterministic;
        if (llm.enabled()) {
            parser = new LlmParser(ChatModels.create(llm), current.lexicon(), deterministic, llm.timeout(),
                    () -> feedback.recent(50));
        }
        return new AskService(parser, deterministic, conversations, current.explainer());
    }

    /** The name of the warehouse a query without one runs on, for asOf's default. */
    public String defaultWarehouse(List<String> metrics) {
        Parts current = parts();
        try {
            return current.compiler().warehouseOf(io.zhongtai.metrics.query.MetricQuery.builder()
                    .metrics(metrics.isEmpty() ? current.catalog().metrics().get(0).name() : metrics.get(0)).build());
        } catch (CatalogException e) {
            return null;
        }
    }

    private Parts parts() {
        Parts current = parts;
        if (current == null) {
            synchronized (this) {
                current = parts;
                if (current == null) {
                    current = build();
                    parts = current;
                }
            }
        }
        return current;
    }

    private Parts build() {
        SemanticManifest manifest = DemoMetrics.manifest();
        SemanticIndex index = new SemanticIndex(manifest);
        ManifestCatalog catalog = new ManifestCatalog(index);
        MetricCompiler compiler = new MetricCompiler(index);
        MetricExecutor executor = new MetricExecutor(name -> {
            Warehouse warehouse = warehouse(name);
            return connections.open(warehouse, warehouse.encryptedPassword() == null ? null : cipher.open(warehouse.encryptedPassword()));
        }, ExecutorSettings.defaults());
        EngineQueryRunner system = new EngineQueryRunner(compiler, executor, name -> warehouse(name).dialect(), Caller.system());
        Lexicon lexicon = Lexicon.build(catalog, new WarehouseValueSource(catalog, system, 2000));
        LOG.info("Question lexicon built: {} names", lexicon.size());
        return new Parts(catalog, manifest, compiler, executor, lexicon, new MetricFacts(manifest), new Explainer(catalog));
    }

    private Warehouse warehouse(String name) {
        return warehouses.find(name).orElseThrow(() -> new CatalogException(ErrorCode.WAREHOUSE_NOT_FOUND,
                "No warehouse named '" + name + "' is registered; the metrics are bound to it"));
    }

    private void loadModelsInBackground(Parts current) {
        if (!config.embeddingsEnabled() || modelsRequested) {
            return;
        }
        synchronized (this) {
            if (modelsRequested) {
                return;
            }
            modelsRequested = true;
        }
        Thread thread = new Thread(() -> {
            long start = System.nanoTime();
            paraphrases.set(EmbeddingParaphraseLinker.withDefaults(current.catalog(), InProcessModels.english(), InProcessModels.chinese()));
            LOG.info("Embedding models ready for paraphrases in {} ms", (System.nanoTime() - start) / 1_000_000);
        }, "embedding-models");
        thread.setDaemon(true);
        thread.start();
    }

    @PreDestroy
    void close() {
        Parts current = parts;
        if (current != null) {
            current.executor().close();
        }
    }
}

package io.zhongtai.service.ask;

import dev.langchain4j.model.embedding.EmbeddingModel;
import io.micronaut.security.authentication.Authentication;
import io.zhongtai.core.CatalogException;
import io.zhongtai.metrics.catalog.DimensionInfo;
import io.zhongtai.metrics.catalog.MetricCatalog;
import io.zhongtai.metrics.governance.MetricRegistry;
import io.zhongtai.metrics.model.SemanticModel;
import io.zhongtai.metrics.query.Caller;
import io.zhongtai.metrics.query.MetricQuery;
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
import io.zhongtai.nl.run.QueryRunner;
import io.zhongtai.nl.run.WarehouseValueSource;
import io.zhongtai.service.config.HomeDirectory;
import io.zhongtai.service.metrics.MetricsService;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The question service's parts over the service's own metrics: the live definitions of the
 * {@link MetricsService}'s registry, and its compile and execute path (the caller's policies, the
 * result cache) for every query a question becomes. The word index (the lexicon of metric and
 * dimension names, labels, synonyms and dimension values) is built from the registry's current
 * snapshot and rebuilt when the registry moves to a new one (a metric created, changed,
 * certified or deprecated, definitions applied or imported), before the next question is read,
 * so that a metric is askable as soon as its definition is stored. Dimension values read from
 * the warehouse are kept while the semantic models stay the same. Conversations and feedback
 * live under {@code $ZHONGTAI_HOME/nl/}. The embedding models load in the background on the
 * first question; until they are ready questions are linked by names alone.
 */
@Singleton
public class QuestionEngine {
    private static final Logger LOG = LoggerFactory.getLogger(QuestionEngine.class);
    private static final int MAX_VALUES = 2000;

    private final MetricsService metrics;
    private final NlConfig config;
    private final LlmSettings llm;
    private final ConversationStore conversations;
    private final JsonLinesFeedbackStore feedback;
    private final AtomicReference<Paraphrases> paraphrases = new AtomicReference<>();
    private volatile Parts parts;
    private volatile boolean modelsRequested;
    private volatile EmbeddingModel english;
    private volatile EmbeddingModel chinese;

    /**
     * Everything built from one snapshot of the definitions.
     *
     * @param values the dimension values read from the warehouse, kept while {@code models} are unchanged
     */
    record Parts(MetricRegistry.Snapshot snapshot, MetricCatalog catalog, Lexicon lexicon, MetricFacts facts,
            Explainer explainer, List<SemanticModel> models, Set<String> dimensions, Map<String, List<String>> values) {}

    /** A paraphrase linker and the snapshot whose metrics it embeds. */
    private record Paraphrases(MetricRegistry.Snapshot snapshot, ParaphraseLinker linker) {}

    public QuestionEngine(MetricsService metrics, NlConfig config, LlmConfig llmConfig, HomeDirectory home) {
        this.metrics = metrics;
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

    /** The caller as the metrics API sees it: role, groups and attributes, for the policies. */
    public Caller caller(Authentication authentication) {
        return metrics.caller(authentication);
    }

    /** A runner of metric queries on behalf of a caller, through the metrics service. */
    public QueryRunner runner(Caller caller) {
        return new ServiceQueryRunner(metrics, caller);
    }

    /** The ask service with the parsers as configured now, over the current definitions. */
    public AskService askService() {
        Parts current = parts();
        loadModelsInBackground();
        DeterministicParser deterministic = new DeterministicParser(current.lexicon(), current.facts(), paraphrases(current));
        QuestionParser parser = deterministic;
        if (llm.enabled()) {
            parser = new LlmParser(ChatModels.create(llm), current.lexicon(), deterministic, llm.timeout(),
                    () -> feedback.recent(50));
        }
        return new AskService(parser, deterministic, conversations, current.explainer());
    }

    /** The name of the warehouse a query without one runs on, for asOf's default. */
    public String defaultWarehouse(List<String> metricNames) {
        MetricRegistry.Snapshot snapshot = metrics.registry().snapshot();
        if (metricNames.isEmpty() && snapshot.catalog().metrics().isEmpty()) {
            return null;
        }
        try {
            return snapshot.compiler().warehouseOf(MetricQuery.builder()
                    .metrics(metricNames.isEmpty() ? snapshot.catalog().metrics().get(0).name() : metricNames.get(0)).build());
        } catch (CatalogException e) {
            return null;
        }
    }

    /** The parts of the registry's current snapshot, rebuilt first when the definitions changed. */
    Parts parts() {
        MetricRegistry.Snapshot now = metrics.registry().snapshot();
        Parts current = parts;
        if (current != null && current.snapshot() == now) {
            return current;
        }
        synchronized (this) {
            now = metrics.registry().snapshot();
            current = parts;
            if (current == null || current.snapshot() != now) {
                current = build(now, current);
                parts = current;
                refreshParaphrases(current);
            }
        }
        return current;
    }

    private Parts build(MetricRegistry.Snapshot snapshot, Parts previous) {
        long start = System.nanoTime();
        MetricCatalog catalog = snapshot.catalog();
        List<SemanticModel> models = snapshot.manifest().models();
        Set<String> dimensions = new TreeSet<>();
        catalog.dimensions().stream().map(DimensionInfo::name).forEach(dimensions::add);
        Map<String, List<String>> values;
        if (previous != null && previous.models().equals(models) && previous.dimensions().equals(dimensions)) {
            values = previous.values();
        } else {
            values = Map.copyOf(new WarehouseValueSource(catalog, runner(Caller.system()), MAX_VALUES).values());
        }
        Lexicon lexicon = Lexicon.build(catalog, () -> values);
        LOG.info("Question lexicon built from {} metrics: {} names in {} ms", catalog.metrics().size(), lexicon.size(),
                (System.nanoTime() - start) / 1_000_000);
        return new Parts(snapshot, catalog, lexicon, new MetricFacts(snapshot.manifest()), new Explainer(catalog), models,
                Set.copyOf(dimensions), values);
    }

    private ParaphraseLinker paraphrases(Parts current) {
        Paraphrases linked = paraphrases.get();
        return linked != null && linked.snapshot() == current.snapshot() ? linked.linker() : ParaphraseLinker.none();
    }

    /** Embeds the metrics' names of a new snapshot in the background once the models are loaded. */
    private void refreshParaphrases(Parts current) {
        if (english == null && chinese == null) {
            return;
        }
        Thread thread = new Thread(() -> linkParaphrases(current), "embedding-names");
        thread.setDaemon(true);
        thread.start();
    }

    private void linkParaphrases(Parts current) {
        ParaphraseLinker linker = EmbeddingParaphraseLinker.withDefaults(current.catalog(), english, chinese);
        // a newer snapshot may have been linked meanwhile; keep that one
        paraphrases.updateAndGet(old -> parts == current ? new Paraphrases(current.snapshot(), linker) : old);
    }

    private void loadModelsInBackground() {
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
            english = InProcessModels.english();
            chinese = InProcessModels.chinese();
            linkParaphrases(parts());
            LOG.info("Embedding models ready for paraphrases in {} ms", (System.nanoTime() - start) / 1_000_000);
        }, "embedding-models");
        thread.setDaemon(true);
        thread.start();
    }
}

package io.zhongtai.nl.embed;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15.BgeSmallZhV15EmbeddingModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bundled embedding models: all-MiniLM-L6-v2 for English and bge-small-zh-v1.5 for Chinese,
 * both loaded from their jars (no download). Loading takes seconds; a model that fails to load is
 * reported and left out, and the parser then links Chinese or English by names alone.
 */
public final class InProcessModels {
    private static final Logger LOG = LoggerFactory.getLogger(InProcessModels.class);

    private InProcessModels() {}

    public static EmbeddingModel english() {
        OfflineModels.configure();
        try {
            return new AllMiniLmL6V2EmbeddingModel();
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("The English embedding model could not be loaded; English paraphrases are not linked: {}", e.toString());
            return null;
        }
    }

    public static EmbeddingModel chinese() {
        OfflineModels.configure();
        try {
            return new BgeSmallZhV15EmbeddingModel();
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("The Chinese embedding model could not be loaded; Chinese paraphrases are not linked: {}", e.toString());
            return null;
        }
    }
}

package io.zhongtai.nl.embed;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.store.embedding.CosineSimilarity;
import io.zhongtai.metrics.catalog.MetricCatalog;
import io.zhongtai.metrics.catalog.MetricInfo;
import io.zhongtai.nl.Language;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Links paraphrases to metrics by meaning with in-process embedding models: every metric's
 * labels and synonyms are embedded once per language (English ones with the English model,
 * Chinese ones with the Chinese model), and a phrase scores the best cosine similarity against
 * any of a metric's names. Phrases are cached. Thresholds were set from the models' behaviour on
 * a handful of paraphrases (README) and are deliberately high: below them the parser asks.
 */
public final class EmbeddingParaphraseLinker implements ParaphraseLinker {
    private static final Set<String> ENGLISH_STOP_WORDS = Set.of("how", "much", "many", "what", "was", "were", "is", "are",
            "the", "did", "do", "does", "we", "our", "us", "in", "of", "for", "a", "an", "me", "show", "give", "tell",
            "please", "by", "to", "and", "on", "at", "have", "has", "had", "get", "got", "there", "been", "can", "you", "i",
            "which", "who", "it", "its", "this", "that");
    private static final Set<String> CHINESE_STOP_WORDS = Set.of("多少", "是", "的", "了", "吗", "呢", "有", "我们", "请", "给我",
            "看", "看看", "一下", "怎么样", "如何", "啥", "什么", "哪个", "哪些", "个", "在", "和", "与");

    private final EmbeddingModel english;
    private final EmbeddingModel chinese;
    private final double englishThreshold;
    private final double chineseThreshold;
    private final double margin;
    private final Map<String, List<Embedding>> englishNames = new HashMap<>();
    private final Map<String, List<Embedding>> chineseNames = new HashMap<>();
    private final Map<String, List<Scored>> cache = new ConcurrentHashMap<>();

    public EmbeddingParaphraseLinker(MetricCatalog catalog, EmbeddingModel english, EmbeddingModel chinese,
            double englishThreshold, double chineseThreshold, double margin) {
        this.english = english;
        this.chinese = chinese;
        this.englishThreshold = englishThreshold;
        this.chineseThreshold = chineseThreshold;
        this.margin = margin;
        for (MetricInfo metric : catalog.metrics()) {
            List<Embedding> en = new ArrayList<>();
            List<Embedding> zh = new ArrayList<>();
            for (String name : metric.labels().allNames()) {
                if (Language.of(name) == Language.ZH) {
                    if (chinese != null) {
                        zh.add(chinese.embed(name).content());
                    }
                } else if (english != null) {
                    en.add(english.embed(name.toLowerCase(Locale.ROOT)).content());
                }
            }
            englishNames.put(metric.name(), en);
            chineseNames.put(metric.name(), zh);
        }
    }

    /** With the thresholds measured for all-MiniLM-L6-v2 and bge-small-zh-v1.5 (README). */
    public static EmbeddingParaphraseLinker withDefaults(MetricCatalog catalog, EmbeddingModel english, EmbeddingModel chinese) {
        return new EmbeddingParaphraseLinker(catalog, english, chinese, 0.55, 0.66, 0.05);
    }

    @Override
    public double ambiguityMargin() {
        return margin;
    }

    @Override
    public List<Scored> nearestMetrics(String phrase, Language language) {
        String content = content(phrase, language);
        if (content.isBlank()) {
            return List.of();
        }
        return cache.computeIfAbsent(language + ":" + content, key -> score(content, language));
    }

    private List<Scored> score(String content, Language language) {
        EmbeddingModel model = language == Language.ZH ? chinese : english;
        Map<String, List<Embedding>> names = language == Language.ZH ? chineseNames : englishNames;
        double threshold = language == Language.ZH ? chineseThreshold : englishThreshold;
        if (model == null) {
            return List.of();
        }
        Embedding phrase = model.embed(content).content();
        List<Scored> scored = new ArrayList<>();
        names.forEach((metric, embeddings) -> {
            double best = embeddings.stream().mapToDouble(e -> CosineSimilarity.between(phrase, e)).max().orElse(-1);
            if (best >= threshold) {
                scored.add(new Scored(metric, best));
            }
        });
        scored.sort(Comparator.comparingDouble(Scored::score).reversed());
        return List.copyOf(scored);
    }

    private static String content(String phrase, Language language) {
        if (language == Language.ZH) {
            String out = phrase;
            for (String stop : CHINESE_STOP_WORDS) {
                if (stop.length() > 1) {
                    out = out.replace(stop, "");
                }
            }
            return out.replaceAll("[的了吗呢是有在和与个？?，,。.！!\\s]", "").trim();
        }
        List<String> words = new ArrayList<>();
        for (String word : phrase.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+")) {
            if (!word.isBlank() && !ENGLISH_STOP_WORDS.contains(word)) {
                words.add(word);
            }
        }
        return String.join(" ", words);
    }
}

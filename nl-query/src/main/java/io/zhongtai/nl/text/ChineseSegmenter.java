package io.zhongtai.nl.text;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.CustomDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Chinese word segmentation by HanLP (portable 1.8.6, dictionaries inside the jar, no network),
 * with the catalog's metric names, dimension labels and value labels added to its custom
 * dictionary at run time so that {@code 客单价} or {@code 线上} come out as one word.
 *
 * <p>HanLP's custom dictionary is one per JVM; words are only ever added, which is harmless for
 * other catalogs in the same process.
 */
public final class ChineseSegmenter {
    private static final Set<String> ADDED = ConcurrentHashMap.newKeySet();
    private static final ChineseSegmenter INSTANCE = new ChineseSegmenter();

    private final Segment segment;

    private ChineseSegmenter() {
        this.segment = HanLP.newSegment().enableCustomDictionary(true).enablePartOfSpeechTagging(false);
    }

    public static ChineseSegmenter get() {
        return INSTANCE;
    }

    /** Adds words (catalog terms) so that they are kept whole. */
    public void addWords(Collection<String> words) {
        for (String word : words) {
            if (word != null && word.length() > 1 && ADDED.add(word)) {
                CustomDictionary.insert(word, "nz 1024");
            }
        }
    }

    /** The words of a run of Chinese text, in order. */
    public List<String> segment(String text) {
        List<Term> terms;
        synchronized (segment) {
            terms = segment.seg(text);
        }
        List<String> words = new ArrayList<>(terms.size());
        for (Term term : terms) {
            words.add(term.word);
        }
        return words;
    }
}

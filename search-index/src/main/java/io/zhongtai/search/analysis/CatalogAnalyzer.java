package io.zhongtai.search.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.KStemFilter;

/**
 * The one analysis chain of the catalog, shared by the Lucene and the Elasticsearch adapters
 * (Elasticsearch receives its output as pre-analysed tokens):
 * <ol>
 *   <li>{@link ScriptRunTokenizer}: Chinese runs segmented by smartcn, other runs split into
 *       words on {@code _}, {@code .}, camelCase and digits;
 *   <li>lower case;
 *   <li>a short list of stop words (English and Chinese function words), so that "orders of
 *       customers" does not demand the word "of";
 *   <li>with stemming on: plural removal ({@code orders → order}, {@code categories → category})
 *       then KStem's dictionary-checked inflections ({@code refunded → refund}).
 * </ol>
 *
 * <p>Why not Porter: it conflates {@code customer} with {@code custom} and cuts words to stems
 * that are no longer words, which breaks both typo tolerance (edit distance is measured on
 * the indexed terms) and prefix completion.
 */
public final class CatalogAnalyzer extends Analyzer {
    static final CharArraySet STOP_WORDS = CharArraySet.unmodifiableSet(new CharArraySet(
            java.util.List.of(
                    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is", "of", "on", "or",
                    "the", "to", "with", "的", "和", "及", "与", "或"),
            false));

    private final boolean stemming;

    private CatalogAnalyzer(boolean stemming) {
        this.stemming = stemming;
    }

    /** The chain used for indexing and searching text fields. */
    public static CatalogAnalyzer stemming() {
        return new CatalogAnalyzer(true);
    }

    /** The same chain without stemming: the words as typed, for prefixes and exact names. */
    public static CatalogAnalyzer words() {
        return new CatalogAnalyzer(false);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        ScriptRunTokenizer tokenizer = new ScriptRunTokenizer();
        TokenStream stream = new LowerCaseFilter(tokenizer);
        stream = new StopFilter(stream, STOP_WORDS);
        if (stemming) {
            stream = new EnglishMinimalStemFilter(stream);
            stream = new KStemFilter(stream);
        }
        return new TokenStreamComponents(tokenizer, stream);
    }
}

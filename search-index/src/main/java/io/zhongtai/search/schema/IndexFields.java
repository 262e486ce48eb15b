package io.zhongtai.search.schema;

import io.zhongtai.core.search.SearchFacet;
import io.zhongtai.core.search.SearchFilter;
import java.util.List;

/**
 * The fields both adapters index, with the weights that rank them. One list, so that the
 * Lucene and the Elasticsearch index hold the same fields under the same names and score
 * them the same way.
 */
public final class IndexFields {
    private IndexFields() {}

    /** A text field holding analysed tokens, with its weight for exact terms and for typo matches (0: none). */
    public record TextField(String name, float boost, float fuzzyBoost) {}

    // Text fields, in the order of the ranking: exact name > name words > labels > qualified name >
    // description > columns > tags and terms > owners and domain.
    public static final TextField NAME = new TextField("name", 8f, 4f);
    public static final TextField LABELS = new TextField("labels", 6f, 3f);
    public static final TextField QUALIFIED = new TextField("qualified", 3f, 1.5f);
    public static final TextField DESCRIPTION = new TextField("description", 2f, 0f);
    public static final TextField COLUMNS = new TextField("columns", 1.5f, 0.75f);
    public static final TextField COLUMN_DESCRIPTIONS = new TextField("column_descriptions", 1f, 0f);
    public static final TextField CLASSIFICATIONS = new TextField("classifications", 0.8f, 0f);
    public static final TextField PEOPLE = new TextField("people", 0.5f, 0f);

    public static final List<TextField> TEXT_FIELDS =
            List.of(NAME, LABELS, QUALIFIED, DESCRIPTION, COLUMNS, COLUMN_DESCRIPTIONS, CLASSIFICATIONS, PEOPLE);

    /** Added as a constant when the whole query is the name (or a label, a dotted suffix, the id). */
    public static final float EXACT_NAME_BOOST = 10f;
    /** Added as a constant when the last word is the start of a name word (search as you type). */
    public static final float PREFIX_BOOST = 2f;
    /** dis_max tie breaker: the best field decides, a second field adds a little. */
    public static final float TIE_BREAKER = 0.1f;

    // Keyword fields: exact values, for filters, facets, exact names and prefixes.
    public static final String ID = "id";
    public static final String TYPE = "type";
    public static final String NAME_EXACT = "name_exact";
    public static final String PREFIXES = "prefixes";
    public static final String NAME_START = "name_start";
    public static final String WAREHOUSE = "warehouse";
    public static final String SCHEMA = "schema";
    public static final String DOMAIN = "domain";
    public static final String OWNER = "owner";
    public static final String OWNER_NAME = "owner_name";
    public static final String TAG = "tag";
    public static final String TERM = "term";
    public static final String CERTIFIED = "certified";
    public static final String PLATFORM = "platform";
    public static final String DELETED = "deleted";
    public static final String DEPRECATED = "deprecated";

    public static final List<String> KEYWORD_FIELDS = List.of(
            ID, TYPE, NAME_EXACT, PREFIXES, NAME_START, WAREHOUSE, SCHEMA, DOMAIN, OWNER, OWNER_NAME, TAG, TERM, CERTIFIED,
            PLATFORM, DELETED, DEPRECATED);

    // Numbers and sort keys.
    public static final String RANK_BOOST = "rank_boost";
    public static final String NAME_LENGTH = "name_length";
    public static final String NAME_SORT = "name_sort";
    /** When the asset last changed, epoch milliseconds: the input of the recency factor. */
    public static final String UPDATED_AT = "updated_at";

    /** The original document, stored for results and snippets (not searched). */
    public static final String SOURCE = "source";

    /** How many values each facet lists. */
    public static final int FACET_SIZE = 20;

    /** The keyword field that holds a facet's values. */
    public static String field(SearchFacet facet) {
        return switch (facet) {
            case TYPE -> TYPE;
            case WAREHOUSE -> WAREHOUSE;
            case SCHEMA -> SCHEMA;
            case DOMAIN -> DOMAIN;
            case OWNER -> OWNER;
            case TAGS -> TAG;
            case CERTIFIED -> CERTIFIED;
        };
    }

    /** The keyword field a filter matches (owners named by a bare name use {@link #OWNER_NAME}). */
    public static String field(SearchFilter filter) {
        return switch (filter.key()) {
            case WAREHOUSE -> WAREHOUSE;
            case SCHEMA -> SCHEMA;
            case DOMAIN -> DOMAIN;
            case OWNER -> filter.value().contains(":") ? OWNER : OWNER_NAME;
            case TAG -> TAG;
            case TERM -> TERM;
            case CERTIFIED -> CERTIFIED;
            case PLATFORM -> PLATFORM;
            case DEPRECATED -> DEPRECATED;
        };
    }
}

package io.zhongtai.search.elasticsearch;

import io.zhongtai.search.schema.IndexFields;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings and mappings of each index generation. Only what the minimal distribution has:
 * the built-in whitespace analyser (text arrives analysed by the shared Java chain), keyword,
 * numbers, and an unindexed object for the stored document. No analysis plugin, no
 * mapper-extras, no scripts.
 */
final class ElasticsearchMappings {
    /** Marks what a document is: an asset, or the one metadata document holding the applied sequence. */
    static final String KIND = "kind";
    static final String KIND_ASSET = "asset";
    static final String KIND_META = "meta";
    static final String SEQUENCE = "sequence";
    /** The metadata document's id: no asset id can take this form (asset types are fixed words). */
    static final String META_ID = "zhongtai-meta:applied-sequence";

    private ElasticsearchMappings() {}

    static Map<String, Object> indexBody(int shards, int replicas, boolean bulkLoading, String alias) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("number_of_shards", shards);
        // while a rebuild loads, no replicas and no refreshes: both are restored before the switch
        settings.put("number_of_replicas", bulkLoading ? 0 : replicas);
        if (bulkLoading) {
            settings.put("refresh_interval", "-1");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("settings", Map.of("index", settings));
        body.put("mappings", mappings());
        if (alias != null) {
            body.put("aliases", Map.of(alias, Map.of()));
        }
        return body;
    }

    static Map<String, Object> mappings() {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (IndexFields.TextField field : IndexFields.TEXT_FIELDS) {
            properties.put(field.name(), Map.of("type", "text", "analyzer", "whitespace", "search_analyzer", "whitespace"));
        }
        for (String field : IndexFields.KEYWORD_FIELDS) {
            properties.put(field, Map.of("type", "keyword"));
        }
        properties.put(KIND, Map.of("type", "keyword"));
        properties.put(IndexFields.RANK_BOOST, Map.of("type", "float"));
        properties.put(IndexFields.NAME_LENGTH, Map.of("type", "integer"));
        properties.put(IndexFields.NAME_SORT, Map.of("type", "keyword"));
        properties.put(IndexFields.UPDATED_AT, Map.of("type", "long"));
        properties.put(SEQUENCE, Map.of("type", "long"));
        properties.put(IndexFields.SOURCE, Map.of("type", "object", "enabled", false));
        // strict: a field this code does not know is a defect, not something to map by guessing
        return Map.of("dynamic", "strict", "properties", properties);
    }
}

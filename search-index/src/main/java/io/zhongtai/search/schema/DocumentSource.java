package io.zhongtai.search.schema;

import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.asset.OwnerRef;
import io.zhongtai.core.search.SearchDocument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The original {@link SearchDocument} as plain maps and lists, stored beside the indexed fields
 * (Lucene: a stored JSON field; Elasticsearch: an unindexed object in {@code _source}) so that
 * hits, snippets and a future re-ranking read the document back exactly as it was given.
 */
public final class DocumentSource {
    private DocumentSource() {}

    public static Map<String, Object> toMap(SearchDocument document) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", document.id().toString());
        map.put("name", document.name());
        map.put("qualifiedName", document.qualifiedName());
        map.put("nameParts", document.nameParts());
        map.put("description", document.description());
        List<Map<String, Object>> columns = new ArrayList<>();
        for (SearchDocument.Column column : document.columns()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", column.name());
            entry.put("description", column.description());
            columns.add(entry);
        }
        map.put("columns", columns);
        map.put("tags", document.tags());
        map.put("terms", document.terms());
        List<Map<String, Object>> owners = new ArrayList<>();
        for (OwnerRef owner : document.owners()) {
            owners.add(Map.of("id", owner.id().toString(), "name", owner.name()));
        }
        map.put("owners", owners);
        map.put("domain", document.domain());
        map.put("warehouse", document.warehouse());
        map.put("schema", document.schema());
        map.put("platform", document.platform());
        map.put("certified", document.certified());
        map.put("labels", document.labels());
        map.put("reads", document.reads());
        map.put("updatedAt", document.updatedAt().toString());
        map.put("deleted", document.deleted());
        map.put("deprecated", document.deprecated());
        return map;
    }

    @SuppressWarnings("unchecked")
    public static SearchDocument fromMap(Map<String, Object> map) {
        try {
            List<SearchDocument.Column> columns = new ArrayList<>();
            for (Map<String, Object> column : (List<Map<String, Object>>) map.get("columns")) {
                columns.add(new SearchDocument.Column((String) column.get("name"), (String) column.get("description")));
            }
            List<OwnerRef> owners = new ArrayList<>();
            for (Map<String, Object> owner : (List<Map<String, Object>>) map.get("owners")) {
                owners.add(new OwnerRef(AssetId.parse((String) owner.get("id")), (String) owner.get("name")));
            }
            return new SearchDocument(
                    AssetId.parse((String) map.get("id")),
                    (String) map.get("name"),
                    (String) map.get("qualifiedName"),
                    (List<String>) map.get("nameParts"),
                    (String) map.get("description"),
                    columns,
                    (List<String>) map.get("tags"),
                    (List<String>) map.get("terms"),
                    owners,
                    (String) map.get("domain"),
                    (String) map.get("warehouse"),
                    (String) map.get("schema"),
                    (String) map.get("platform"),
                    Boolean.TRUE.equals(map.get("certified")),
                    (List<String>) map.get("labels"),
                    ((Number) map.get("reads")).longValue(),
                    Instant.parse((String) map.get("updatedAt")),
                    Boolean.TRUE.equals(map.get("deleted")),
                    Boolean.TRUE.equals(map.get("deprecated")));
        } catch (RuntimeException e) {
            // a stored document that does not read back means an index written by other code
            throw new CatalogException(
                    ErrorCode.INTERNAL_ERROR, "A stored search document cannot be read (" + map.get("id") + "): " + e, e);
        }
    }
}

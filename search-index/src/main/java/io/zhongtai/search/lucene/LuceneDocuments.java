package io.zhongtai.search.lucene;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.search.SearchDocument;
import io.zhongtai.core.search.SearchFacet;
import io.zhongtai.search.schema.DocumentSource;
import io.zhongtai.search.schema.IndexFields;
import io.zhongtai.search.schema.IndexedDocument;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FloatDocValuesField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;

/** Turns the shared {@link IndexedDocument} into a Lucene document, and stored documents back. */
final class LuceneDocuments {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FACET_FIELDS =
            Arrays.stream(SearchFacet.values()).map(IndexFields::field).collect(Collectors.toUnmodifiableSet());

    private LuceneDocuments() {}

    static Document toLucene(IndexedDocument indexed) {
        Document document = new Document();
        document.add(new StringField(IndexFields.ID, indexed.id(), Field.Store.NO));
        document.add(new SortedDocValuesField(IndexFields.ID, new BytesRef(indexed.id())));
        // text values are already analysed: the writer's whitespace analyser only splits them,
        // exactly as Elasticsearch's whitespace analyser does with the same strings
        indexed.text().forEach((field, values) -> values.forEach(value -> document.add(new TextField(field, value, Field.Store.NO))));
        indexed.keywords().forEach((field, values) -> {
            if (field.equals(IndexFields.ID)) {
                return;
            }
            for (String value : values) {
                document.add(new StringField(field, value, Field.Store.NO));
                if (FACET_FIELDS.contains(field)) {
                    document.add(new SortedSetDocValuesField(field, new BytesRef(value)));
                }
            }
        });
        document.add(new FloatDocValuesField(IndexFields.RANK_BOOST, indexed.rankBoost()));
        document.add(new NumericDocValuesField(IndexFields.NAME_LENGTH, indexed.nameLength()));
        document.add(new NumericDocValuesField(IndexFields.UPDATED_AT, indexed.updatedAt()));
        document.add(new SortedDocValuesField(IndexFields.NAME_SORT, new BytesRef(indexed.nameSort())));
        document.add(new StoredField(IndexFields.SOURCE, json(indexed.source())));
        return document;
    }

    static SearchDocument fromStored(Document stored) {
        BytesRef bytes = stored.getBinaryValue(IndexFields.SOURCE);
        if (bytes == null) {
            throw new CatalogException(ErrorCode.INTERNAL_ERROR, "A search document has no stored source");
        }
        try {
            Map<String, Object> map = JSON.readValue(bytes.bytes, bytes.offset, bytes.length, new TypeReference<>() {});
            return DocumentSource.fromMap(map);
        } catch (IOException e) {
            throw new CatalogException(ErrorCode.INTERNAL_ERROR, "A stored search document is not valid JSON: " + e.getMessage(), e);
        }
    }

    static List<String> facetFields() {
        return Arrays.stream(SearchFacet.values()).map(IndexFields::field).toList();
    }

    private static byte[] json(SearchDocument document) {
        try {
            return JSON.writeValueAsBytes(DocumentSource.toMap(document));
        } catch (JsonProcessingException e) {
            throw new CatalogException(ErrorCode.INTERNAL_ERROR, "A search document cannot be written as JSON: " + e.getMessage(), e);
        }
    }
}

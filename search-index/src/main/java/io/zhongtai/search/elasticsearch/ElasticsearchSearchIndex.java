package io.zhongtai.search.elasticsearch;

import static java.util.Objects.requireNonNull;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.explain.Explanation;
import co.elastic.clients.elasticsearch.core.explain.ExplanationDetail;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.indices.GetAliasResponse;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.ElasticsearchTransport;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.search.FacetCount;
import io.zhongtai.core.search.SearchDocument;
import io.zhongtai.core.search.SearchFacet;
import io.zhongtai.core.search.SearchHit;
import io.zhongtai.core.search.SearchIndex;
import io.zhongtai.core.search.SearchQuery;
import io.zhongtai.core.search.SearchResult;
import io.zhongtai.core.search.Suggestion;
import io.zhongtai.search.analysis.Snippets;
import io.zhongtai.search.schema.DocumentSource;
import io.zhongtai.search.schema.IndexFields;
import io.zhongtai.search.schema.IndexedDocument;
import io.zhongtai.search.schema.QueryPlan;
import io.zhongtai.search.schema.SuggestPlan;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;

/**
 * The search index on an Elasticsearch cluster, for when one machine is not enough.
 *
 * <p>Searches and writes go through an alias ({@code <prefix>assets}) that points at one index
 * generation ({@code <prefix>assets-000001}, ...). A rebuild loads the next generation and moves
 * the alias in one atomic alias update, so searches never see a half-built index. The applied
 * change-log sequence is a metadata document inside the generation itself, written with a
 * refresh after the documents it covers were acknowledged (which Elasticsearch does only once
 * they are in its fsynced translog): it can lag the documents after a crash, never lead them,
 * and it moves with the alias on a rebuild.
 *
 * <p>All text is analysed in Java by the same chain as the Lucene adapter and sent as tokens to
 * whitespace-analysed fields, so this works on the minimal distribution, which has no analysis
 * plugins, as on any full cluster.
 */
public final class ElasticsearchSearchIndex implements SearchIndex {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BULK_SIZE = 1_000;

    private final ElasticsearchSearchIndexConfig config;
    private final RestClient restClient;
    private final ElasticsearchClient client;
    private final String alias;
    private final Pattern generation;
    private final ReentrantLock rebuildLock = new ReentrantLock();

    public ElasticsearchSearchIndex(ElasticsearchSearchIndexConfig config) {
        this.config = requireNonNull(config, "config is null");
        this.alias = config.alias();
        this.generation = Pattern.compile(Pattern.quote(alias) + "-(\\d{6})");
        this.restClient = restClient(config);
        ElasticsearchTransport transport = new RestClientTransport(restClient, new JacksonJsonpMapper(JSON));
        this.client = new ElasticsearchClient(transport);
        try {
            ensureIndex();
        } catch (RuntimeException e) {
            closeQuietly();
            throw e;
        }
    }

    @Override
    public void upsert(List<SearchDocument> documents) {
        requireNonNull(documents, "documents is null");
        for (int from = 0; from < documents.size(); from += BULK_SIZE) {
            List<IndexedDocument> batch = documents.subList(from, Math.min(documents.size(), from + BULK_SIZE)).stream()
                    .map(IndexedDocument::of)
                    .toList();
            bulkIndex(alias, batch);
        }
    }

    @Override
    public void delete(List<AssetId> ids) {
        requireNonNull(ids, "ids is null");
        for (int from = 0; from < ids.size(); from += BULK_SIZE) {
            BulkRequest.Builder bulk = new BulkRequest.Builder().index(alias);
            for (AssetId id : ids.subList(from, Math.min(ids.size(), from + BULK_SIZE))) {
                bulk.operations(operation -> operation.delete(delete -> delete.id(id.toString())));
            }
            // deleting an absent document answers not_found, which is what delete of an absent id means
            checkBulk(call("delete", () -> client.bulk(bulk.build())), true);
        }
    }

    @Override
    public void commit(long sequence) {
        long applied = appliedSequence();
        if (sequence < applied) {
            throw CatalogException.invalid("sequence", "goes back from " + applied + " to " + sequence);
        }
        writeSequence(alias, sequence);
    }

    @Override
    public long appliedSequence() {
        @SuppressWarnings("rawtypes")
        GetResponse<Map> response = call(
                "read the applied sequence", () -> client.get(get -> get.index(alias).id(ElasticsearchMappings.META_ID), Map.class));
        if (!response.found() || response.source() == null) {
            return 0;
        }
        return ((Number) response.source().get(ElasticsearchMappings.SEQUENCE)).longValue();
    }

    @Override
    public SearchResult search(SearchQuery query) {
        requireNonNull(query, "query is null");
        QueryPlan plan = QueryPlan.of(query);
        Query elastic = ElasticsearchQueries.search(plan);
        Map<String, Aggregation> aggregations = new LinkedHashMap<>();
        for (SearchFacet facet : SearchFacet.values()) {
            aggregations.put(facet.value(), Aggregation.of(a -> a.terms(t -> t.field(IndexFields.field(facet)).size(IndexFields.FACET_SIZE))));
        }
        @SuppressWarnings("rawtypes")
        SearchResponse<Map> response = call("search", () -> client.search(search -> search
                        .index(alias)
                        .query(elastic)
                        .from(query.page() * query.size())
                        .size(query.size())
                        .trackTotalHits(total -> total.enabled(true))
                        .sort(sort -> sort.score(score -> score.order(SortOrder.Desc)))
                        .sort(sort -> sort.field(field -> field.field(IndexFields.NAME_LENGTH).order(SortOrder.Asc)))
                        .sort(sort -> sort.field(field -> field.field(IndexFields.ID).order(SortOrder.Asc)))
                        // with a sort, Elasticsearch leaves scores out unless asked
                        .trackScores(true)
                        .explain(query.explain())
                        .source(source -> source.filter(filter -> filter.includes(IndexFields.SOURCE)))
                        .aggregations(aggregations),
                Map.class));
        Snippets.QueryTerms highlight = plan.snippetTerms();
        List<SearchHit> hits = new ArrayList<>();
        for (@SuppressWarnings("rawtypes") Hit<Map> hit : response.hits().hits()) {
            SearchDocument document = source(hit);
            String explain = query.explain() && hit.explanation() != null ? explain(hit.explanation()) : null;
            double score = hit.score() == null ? 0 : hit.score();
            hits.add(new SearchHit(
                    document.id(), document.type(), document.name(), document.qualifiedName(),
                    Snippets.build(document, highlight), score, explain));
        }
        Map<SearchFacet, List<FacetCount>> facets = new EnumMap<>(SearchFacet.class);
        for (SearchFacet facet : SearchFacet.values()) {
            List<FacetCount> counts = new ArrayList<>();
            for (StringTermsBucket bucket : response.aggregations().get(facet.value()).sterms().buckets().array()) {
                counts.add(new FacetCount(bucket.key().stringValue(), bucket.docCount()));
            }
            facets.put(facet, counts);
        }
        long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
        return new SearchResult(hits, facets, total, query.page(), query.size());
    }

    @Override
    public List<Suggestion> suggest(String prefix, int limit) {
        SuggestPlan plan = SuggestPlan.of(prefix, limit);
        if (plan.isEmpty()) {
            return List.of();
        }
        Query elastic = ElasticsearchQueries.suggest(plan);
        @SuppressWarnings("rawtypes")
        SearchResponse<Map> response = call("suggest", () -> client.search(search -> search
                        .index(alias)
                        .query(elastic)
                        .size(limit)
                        .sort(sort -> sort.score(score -> score.order(SortOrder.Desc)))
                        .sort(sort -> sort.field(field -> field.field(IndexFields.NAME_LENGTH).order(SortOrder.Asc)))
                        .sort(sort -> sort.field(field -> field.field(IndexFields.NAME_SORT).order(SortOrder.Asc)))
                        .sort(sort -> sort.field(field -> field.field(IndexFields.ID).order(SortOrder.Asc)))
                        .source(source -> source.filter(filter -> filter.includes(IndexFields.SOURCE))),
                Map.class));
        List<Suggestion> suggestions = new ArrayList<>();
        for (@SuppressWarnings("rawtypes") Hit<Map> hit : response.hits().hits()) {
            SearchDocument document = source(hit);
            suggestions.add(new Suggestion(document.id(), document.name(), document.qualifiedName()));
        }
        return suggestions;
    }

    @Override
    public void rebuild(Stream<SearchDocument> documents, long sequence) {
        requireNonNull(documents, "documents is null");
        SearchIndex.requireSequence(sequence);
        rebuildLock.lock();
        String next = null;
        boolean switched = false;
        try {
            List<String> current = currentIndices();
            int number = current.stream().mapToInt(this::generationNumber).max().orElse(0) + 1;
            next = generationName(number);
            deleteIndexIfExists(next); // a leftover of a rebuild that crashed
            String created = next;
            createIndex(created, ElasticsearchMappings.indexBody(config.shards(), config.replicas(), true, null));
            Iterator<SearchDocument> iterator = documents.iterator();
            List<IndexedDocument> batch = new ArrayList<>(BULK_SIZE);
            while (iterator.hasNext()) {
                batch.add(IndexedDocument.of(iterator.next()));
                if (batch.size() == BULK_SIZE || !iterator.hasNext()) {
                    bulkIndex(created, batch);
                    batch.clear();
                }
            }
            writeSequence(created, sequence);
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("number_of_replicas", config.replicas());
            settings.put("refresh_interval", "1s"); // Elasticsearch's default, restored after the bulk load
            putSettings(created, settings);
            call("refresh", () -> client.indices().refresh(refresh -> refresh.index(created)));
            // one atomic update: searches see the old generation or the new one, never neither
            call("switch the alias", () -> client.indices().updateAliases(update -> {
                for (String old : current) {
                    update.actions(action -> action.remove(remove -> remove.index(old).alias(alias)));
                }
                return update.actions(action -> action.add(add -> add.index(created).alias(alias)));
            }));
            switched = true;
            for (String old : current) {
                deleteIndexIfExists(old);
            }
        } finally {
            if (!switched && next != null) {
                try {
                    deleteIndexIfExists(next);
                } catch (RuntimeException e) {
                    // the original failure is the one to report; the next rebuild removes the leftover
                }
            }
            rebuildLock.unlock();
        }
    }

    @Override
    public List<SearchDocument> documents(Collection<AssetId> ids) {
        requireNonNull(ids, "ids is null");
        List<String> wanted = ids.stream().map(AssetId::toString).distinct().toList();
        List<SearchDocument> found = new ArrayList<>();
        for (int from = 0; from < wanted.size(); from += BULK_SIZE) {
            List<FieldValue> batch = wanted.subList(from, Math.min(wanted.size(), from + BULK_SIZE)).stream()
                    .map(FieldValue::of)
                    .toList();
            @SuppressWarnings("rawtypes")
            SearchResponse<Map> response = call("read documents", () -> client.search(search -> search
                            .index(alias)
                            .query(query -> query.terms(terms -> terms.field(IndexFields.ID).terms(set -> set.value(batch))))
                            .size(batch.size())
                            .source(source -> source.filter(filter -> filter.includes(IndexFields.SOURCE))),
                    Map.class));
            for (@SuppressWarnings("rawtypes") Hit<Map> hit : response.hits().hits()) {
                found.add(source(hit));
            }
        }
        return found;
    }

    @Override
    public long documentCount() {
        return call("count", () -> client.count(count -> count.index(alias).query(ElasticsearchQueries.assetsOnly()))).count();
    }

    @Override
    public void close() {
        try {
            restClient.close();
        } catch (IOException e) {
            throw new CatalogException(ErrorCode.STORE_UNAVAILABLE, "Closing the Elasticsearch client failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "ElasticsearchSearchIndex[" + config.hosts() + ", " + alias + "]";
    }

    // --- index management

    private void ensureIndex() {
        boolean exists = call("look up the alias", () -> client.indices().existsAlias(e -> e.name(alias))).value();
        if (exists) {
            // an index made by an earlier release lacks the fields added since: adding fields is
            // allowed on a live index, and repeating the ones it has changes nothing
            String json = json(ElasticsearchMappings.mappings());
            call("update the mappings", () -> client.indices().putMapping(put -> put.index(alias).withJson(new StringReader(json))));
            return;
        }
        try {
            createIndex(generationName(1), ElasticsearchMappings.indexBody(config.shards(), config.replicas(), false, alias));
        } catch (CatalogException e) {
            // another instance created it at the same moment: what matters is that it exists now
            if (!call("look up the alias", () -> client.indices().existsAlias(x -> x.name(alias))).value()) {
                throw e;
            }
        }
    }

    private List<String> currentIndices() {
        GetAliasResponse response = call("look up the alias", () -> client.indices().getAlias(get -> get.name(alias)));
        return List.copyOf(response.result().keySet());
    }

    private void createIndex(String name, Map<String, Object> body) {
        String json = json(body);
        call("create index " + name, () -> client.indices().create(create -> create.index(name).withJson(new StringReader(json))));
    }

    private void putSettings(String index, Map<String, Object> settings) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("index", settings);
        String json = json(body);
        call("update settings of " + index, () -> client.indices().putSettings(put -> put.index(index).withJson(new StringReader(json))));
    }

    private void deleteIndexIfExists(String index) {
        boolean exists = call("look up index " + index, () -> client.indices().exists(e -> e.index(index))).value();
        if (exists) {
            call("delete index " + index, () -> client.indices().delete(delete -> delete.index(index)));
        }
    }

    private String generationName(int number) {
        return alias + String.format("-%06d", number);
    }

    private int generationNumber(String index) {
        Matcher matcher = generation.matcher(index);
        return matcher.matches() ? Integer.parseInt(matcher.group(1)) : 0;
    }

    // --- documents

    private void bulkIndex(String index, List<IndexedDocument> documents) {
        if (documents.isEmpty()) {
            return;
        }
        BulkRequest.Builder bulk = new BulkRequest.Builder().index(index);
        for (IndexedDocument document : documents) {
            Map<String, Object> body = toElastic(document);
            bulk.operations(operation -> operation.index(write -> write.id(document.id()).document(body)));
        }
        checkBulk(call("index documents", () -> client.bulk(bulk.build())), false);
    }

    private void writeSequence(String index, long sequence) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put(ElasticsearchMappings.KIND, ElasticsearchMappings.KIND_META);
        meta.put(ElasticsearchMappings.SEQUENCE, sequence);
        // the refresh makes every earlier write visible too: this is the commit of the contract
        call("write the applied sequence", () -> client.index(write -> write
                .index(index)
                .id(ElasticsearchMappings.META_ID)
                .document(meta)
                .refresh(Refresh.True)));
    }

    private static Map<String, Object> toElastic(IndexedDocument document) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(ElasticsearchMappings.KIND, ElasticsearchMappings.KIND_ASSET);
        document.text().forEach((field, values) -> {
            if (!values.isEmpty()) {
                body.put(field, values);
            }
        });
        document.keywords().forEach((field, values) -> {
            if (!values.isEmpty()) {
                body.put(field, values);
            }
        });
        body.put(IndexFields.RANK_BOOST, document.rankBoost());
        body.put(IndexFields.NAME_LENGTH, document.nameLength());
        body.put(IndexFields.NAME_SORT, document.nameSort());
        body.put(IndexFields.UPDATED_AT, document.updatedAt());
        body.put(IndexFields.SOURCE, DocumentSource.toMap(document.source()));
        return body;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static SearchDocument source(Hit<Map> hit) {
        Map<String, Object> stored = hit.source() == null ? null : (Map<String, Object>) hit.source().get(IndexFields.SOURCE);
        if (stored == null) {
            throw new CatalogException(ErrorCode.INTERNAL_ERROR, "Search hit " + hit.id() + " has no stored source");
        }
        return DocumentSource.fromMap(stored);
    }

    private static void checkBulk(BulkResponse response, boolean notFoundIsFine) {
        if (!response.errors()) {
            return;
        }
        for (BulkResponseItem item : response.items()) {
            if (item.error() == null || (notFoundIsFine && item.status() == 404)) {
                continue;
            }
            throw new CatalogException(
                    ErrorCode.STORE_UNAVAILABLE,
                    "Elasticsearch refused document " + item.id() + ": " + item.error().type() + ": " + item.error().reason());
        }
    }

    private static String explain(Explanation explanation) {
        StringBuilder out = new StringBuilder();
        out.append(explanation.value()).append(" = ").append(explanation.description()).append('\n');
        explanation.details().forEach(detail -> explain(detail, 1, out));
        return out.toString();
    }

    private static void explain(ExplanationDetail detail, int depth, StringBuilder out) {
        out.append("  ".repeat(depth)).append(detail.value()).append(" = ").append(detail.description()).append('\n');
        detail.details().forEach(child -> explain(child, depth + 1, out));
    }

    // --- client and errors

    private static RestClient restClient(ElasticsearchSearchIndexConfig config) {
        HttpHost[] hosts = config.hosts().stream().map(ElasticsearchSearchIndex::httpHost).toArray(HttpHost[]::new);
        RestClientBuilder builder = RestClient.builder(hosts)
                .setRequestConfigCallback(request -> request
                        .setConnectTimeout(Math.toIntExact(config.connectTimeout().toMillis()))
                        .setSocketTimeout(Math.toIntExact(config.requestTimeout().toMillis())));
        if (config.username() != null) {
            BasicCredentialsProvider credentials = new BasicCredentialsProvider();
            credentials.setCredentials(AuthScope.ANY, new UsernamePasswordCredentials(config.username(), config.password()));
            builder.setHttpClientConfigCallback(http -> http.setDefaultCredentialsProvider(credentials));
        }
        return builder.build();
    }

    private static HttpHost httpHost(URI uri) {
        int port = uri.getPort() >= 0 ? uri.getPort() : ("https".equals(uri.getScheme()) ? 443 : 9200);
        return new HttpHost(uri.getHost(), port, uri.getScheme());
    }

    private interface Call<T> {
        T run() throws IOException;
    }

    private <T> T call(String action, Call<T> call) {
        try {
            return call.run();
        } catch (ElasticsearchException e) {
            // a 400 means this code built a request Elasticsearch cannot take: a defect, not an outage
            ErrorCode code = e.status() == 400 ? ErrorCode.INTERNAL_ERROR : ErrorCode.STORE_UNAVAILABLE;
            throw new CatalogException(code, "Elasticsearch failed to " + action + " (" + alias + "): " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof CatalogException catalog) {
                throw catalog;
            }
            throw new CatalogException(
                    ErrorCode.STORE_UNAVAILABLE,
                    "Elasticsearch at " + config.hosts() + " failed to " + action + ": " + e.getMessage(), e);
        }
    }

    private static String json(Map<String, Object> body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new CatalogException(ErrorCode.INTERNAL_ERROR, "An Elasticsearch request body cannot be written: " + e.getMessage(), e);
        }
    }

    private void closeQuietly() {
        try {
            restClient.close();
        } catch (IOException e) {
            // closing after a failure: the original failure is the one to report
        }
    }
}

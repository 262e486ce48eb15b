package io.zhongtai.search.lucene;

import static java.util.Objects.requireNonNull;

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
import io.zhongtai.search.schema.IndexFields;
import io.zhongtai.search.schema.IndexedDocument;
import io.zhongtai.search.schema.QueryPlan;
import io.zhongtai.search.schema.SuggestPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;

/**
 * The search index embedded in the process, on local disk: the default.
 *
 * <p>Layout: the configured folder holds one sub-folder per generation ({@code index-000001},
 * ...) and a file {@code CURRENT} naming the one in use. A rebuild fills the next generation,
 * commits it, replaces {@code CURRENT} atomically, then switches the searcher; a crash at any
 * point leaves {@code CURRENT} naming a complete index, and leftovers are removed on the next
 * open. The applied change-log sequence lives in each commit's user data, so it is durable in
 * the same commit as the documents it describes.
 *
 * <p>Searches see writes through a near-real-time searcher refreshed at each {@link #commit}.
 */
public final class LuceneSearchIndex implements SearchIndex {
    private static final String CURRENT = "CURRENT";
    private static final String SEQUENCE = "zhongtai.appliedSequence";
    private static final Pattern GENERATION = Pattern.compile("index-(\\d{6})");
    /** Best first; among equal scores (a prefix being typed, browsing) shorter names first, then by id. */
    private static final Sort SEARCH_ORDER = new Sort(
            SortField.FIELD_SCORE,
            new SortField(IndexFields.NAME_LENGTH, SortField.Type.LONG),
            new SortField(IndexFields.ID, SortField.Type.STRING));
    private static final Sort SUGGEST_ORDER = new Sort(
            SortField.FIELD_SCORE,
            new SortField(IndexFields.NAME_LENGTH, SortField.Type.LONG),
            new SortField(IndexFields.NAME_SORT, SortField.Type.STRING),
            new SortField(IndexFields.ID, SortField.Type.STRING));
    private static final int REBUILD_BATCH = 1_000;
    /**
     * Searches run over the index's segments on every core: one search of a large index then
     * takes about its share of the machine rather than one core's time (about half the time of
     * "order" on a million documents on two cores). Shared by every index in the process; its
     * threads are daemons.
     */
    private static final ExecutorService SEARCH_THREADS = Executors.newFixedThreadPool(
            Runtime.getRuntime().availableProcessors(), runnable -> {
                Thread thread = new Thread(runnable, "lucene-search");
                thread.setDaemon(true);
                return thread;
            });
    private static final SearcherFactory SEARCHERS = new SearcherFactory() {
        @Override
        public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
            return new IndexSearcher(reader, SEARCH_THREADS);
        }
    };
    /** Upserts of at least this many documents are analysed on every core. */
    private static final int PARALLEL_UPSERT = 256;

    private final LuceneSearchIndexConfig config;
    private final Path root;
    /**
     * Searches and writes hold the read side for their whole duration; switching generations
     * takes the write side, so the old generation is closed only when nobody uses it any more.
     * New searches wait for the switch itself (milliseconds), never for the rebuild.
     */
    private final ReentrantReadWriteLock switchLock = new ReentrantReadWriteLock();
    private final ReentrantLock rebuildLock = new ReentrantLock();
    private Generation current;
    private boolean closed;

    public LuceneSearchIndex(LuceneSearchIndexConfig config) {
        this.config = requireNonNull(config, "config is null");
        this.root = config.directory().toAbsolutePath();
        try {
            Files.createDirectories(root);
            String name = readCurrent();
            boolean fresh = name == null;
            if (fresh) {
                name = generationName(1);
            }
            current = Generation.open(root.resolve(name), config, false);
            if (fresh) {
                writeCurrent(name);
            }
            deleteGenerationsOtherThan(name);
        } catch (LockObtainFailedException e) {
            throw new CatalogException(
                    ErrorCode.STORE_UNAVAILABLE, "The search index at " + root + " is in use by another process or index instance", e);
        } catch (IOException | UncheckedIOException e) {
            throw unavailable("open", e);
        }
    }

    /**
     * Analysis dominates the cost of indexing and the writer takes documents from several threads
     * at once, so a large batch is analysed and added on every core.
     */
    @Override
    public void upsert(List<SearchDocument> documents) {
        requireNonNull(documents, "documents is null");
        if (documents.size() < PARALLEL_UPSERT) {
            List<IndexedDocument> indexed = documents.stream().map(IndexedDocument::of).toList();
            withWriter(writer -> {
                for (IndexedDocument document : indexed) {
                    writer.updateDocument(new Term(IndexFields.ID, document.id()), LuceneDocuments.toLucene(document));
                }
                return null;
            });
            return;
        }
        // the last document of an id wins, as it would one after the other
        Map<AssetId, SearchDocument> byId = new java.util.LinkedHashMap<>();
        documents.forEach(document -> byId.put(document.id(), document));
        withWriter(writer -> {
            try {
                byId.values().parallelStream().forEach(document -> {
                    IndexedDocument indexed = IndexedDocument.of(document);
                    try {
                        writer.updateDocument(new Term(IndexFields.ID, indexed.id()), LuceneDocuments.toLucene(indexed));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            return null;
        });
    }

    @Override
    public void delete(List<AssetId> ids) {
        requireNonNull(ids, "ids is null");
        Term[] terms = ids.stream().map(id -> new Term(IndexFields.ID, id.toString())).toArray(Term[]::new);
        withWriter(writer -> {
            writer.deleteDocuments(terms);
            return null;
        });
    }

    @Override
    public void commit(long sequence) {
        switchLock.readLock().lock();
        try {
            Generation generation = open();
            synchronized (generation) {
                if (sequence < generation.appliedSequence) {
                    throw CatalogException.invalid(
                            "sequence", "goes back from " + generation.appliedSequence + " to " + sequence);
                }
                generation.writer.setLiveCommitData(Map.of(SEQUENCE, Long.toString(sequence)).entrySet());
                generation.writer.commit();
                generation.appliedSequence = sequence;
                generation.searchers.maybeRefreshBlocking();
            }
        } catch (IOException | AlreadyClosedException e) {
            throw unavailable("commit", e);
        } finally {
            switchLock.readLock().unlock();
        }
    }

    @Override
    public long appliedSequence() {
        switchLock.readLock().lock();
        try {
            return open().appliedSequence;
        } finally {
            switchLock.readLock().unlock();
        }
    }

    @Override
    public SearchResult search(SearchQuery query) {
        requireNonNull(query, "query is null");
        QueryPlan plan = QueryPlan.of(query);
        Query lucene = LuceneQueries.search(plan);
        int window = (query.page() + 1) * query.size();
        return withSearcher(searcher -> {
            TopFieldCollectorManager top = new TopFieldCollectorManager(SEARCH_ORDER, window, null, Integer.MAX_VALUE);
            FacetCounter facets = new FacetCounter(LuceneDocuments.facetFields());
            Object[] results = searcher.search(lucene, new MultiCollectorManager(top, facets));
            TopFieldDocs docs = (TopFieldDocs) results[0];
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Long>> counts = (Map<String, Map<String, Long>>) results[1];
            List<SearchHit> hits = new ArrayList<>();
            Snippets.QueryTerms highlight = plan.snippetTerms();
            for (int i = query.page() * query.size(); i < docs.scoreDocs.length; i++) {
                ScoreDoc scoreDoc = docs.scoreDocs[i];
                SearchDocument document = LuceneDocuments.fromStored(
                        searcher.storedFields().document(scoreDoc.doc, Set.of(IndexFields.SOURCE)));
                String explain = query.explain() ? searcher.explain(lucene, scoreDoc.doc).toString() : null;
                hits.add(new SearchHit(
                        document.id(), document.type(), document.name(), document.qualifiedName(),
                        Snippets.build(document, highlight), score(scoreDoc), explain));
            }
            return new SearchResult(hits, facetCounts(counts), docs.totalHits.value, query.page(), query.size());
        });
    }

    @Override
    public List<Suggestion> suggest(String prefix, int limit) {
        SuggestPlan plan = SuggestPlan.of(prefix, limit);
        if (plan.isEmpty()) {
            return List.of();
        }
        Query lucene = LuceneQueries.suggest(plan);
        return withSearcher(searcher -> {
            TopFieldDocs docs = searcher.search(lucene, limit, SUGGEST_ORDER, true);
            List<Suggestion> suggestions = new ArrayList<>();
            for (ScoreDoc scoreDoc : docs.scoreDocs) {
                SearchDocument document = LuceneDocuments.fromStored(
                        searcher.storedFields().document(scoreDoc.doc, Set.of(IndexFields.SOURCE)));
                suggestions.add(new Suggestion(document.id(), document.name(), document.qualifiedName()));
            }
            return suggestions;
        });
    }

    @Override
    public void rebuild(Stream<SearchDocument> documents, long sequence) {
        requireNonNull(documents, "documents is null");
        SearchIndex.requireSequence(sequence);
        rebuildLock.lock();
        Generation fresh = null;
        try {
            String currentName;
            switchLock.readLock().lock();
            try {
                currentName = open().path.getFileName().toString();
            } finally {
                switchLock.readLock().unlock();
            }
            String nextName = generationName(generationNumber(currentName) + 1);
            deleteRecursively(root.resolve(nextName)); // a leftover of a rebuild that crashed
            fresh = Generation.open(root.resolve(nextName), config, true);
            load(fresh.writer, documents);
            fresh.writer.setLiveCommitData(Map.of(SEQUENCE, Long.toString(sequence)).entrySet());
            fresh.writer.commit();
            fresh.appliedSequence = sequence;
            fresh.searchers.maybeRefreshBlocking();
            // from here on a crash reopens the new generation: it is complete and committed
            writeCurrent(nextName);
            Generation old;
            switchLock.writeLock().lock();
            try {
                old = open();
                current = fresh;
                fresh = null;
            } finally {
                switchLock.writeLock().unlock();
            }
            old.closeWithoutCommit();
            deleteRecursively(old.path);
        } catch (IOException | UncheckedIOException | AlreadyClosedException e) {
            throw unavailable("rebuild", e);
        } finally {
            if (fresh != null) {
                fresh.closeQuietly();
                try {
                    deleteRecursively(fresh.path);
                } catch (IOException e) {
                    // the next open removes it
                }
            }
            rebuildLock.unlock();
        }
    }

    /**
     * Analyses and adds the documents on every core: analysis dominates the cost of indexing, and
     * the writer takes documents from several threads at once. The stream is read on the calling
     * thread only; a bounded queue keeps at most a few batches in memory.
     */
    private static void load(IndexWriter writer, Stream<SearchDocument> documents) throws IOException {
        int threads = Runtime.getRuntime().availableProcessors();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                threads, threads, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(threads * 2), runnable -> {
                    Thread thread = new Thread(runnable, "lucene-rebuild");
                    thread.setDaemon(true);
                    return thread;
                },
                // a full queue makes the reading thread index a batch itself: back pressure, no loss
                new ThreadPoolExecutor.CallerRunsPolicy());
        List<Future<?>> pending = new ArrayList<>();
        try {
            Iterator<SearchDocument> iterator = documents.iterator();
            while (iterator.hasNext()) {
                List<SearchDocument> batch = new ArrayList<>(REBUILD_BATCH);
                while (iterator.hasNext() && batch.size() < REBUILD_BATCH) {
                    batch.add(iterator.next());
                }
                pending.add(pool.submit(() -> {
                    for (SearchDocument document : batch) {
                        IndexedDocument indexed = IndexedDocument.of(document);
                        // update, not add: a stream that repeats an id still yields one document
                        writer.updateDocument(new Term(IndexFields.ID, indexed.id()), LuceneDocuments.toLucene(indexed));
                    }
                    return null;
                }));
                // finished batches leave the list; a failed one stops the rebuild now, not at the end
                for (Iterator<Future<?>> done = pending.iterator(); done.hasNext(); ) {
                    Future<?> future = done.next();
                    if (future.isDone()) {
                        future.get();
                        done.remove();
                    }
                }
            }
            for (Future<?> future : pending) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while rebuilding", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(e.getCause());
        } finally {
            pool.shutdownNow();
            try {
                // no batch may still be writing when the caller rolls the new generation back
                pool.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public List<SearchDocument> documents(Collection<AssetId> ids) {
        requireNonNull(ids, "ids is null");
        List<BytesRef> terms = ids.stream().map(id -> new BytesRef(id.toString())).distinct().toList();
        if (terms.isEmpty()) {
            return List.of();
        }
        Query query = new TermInSetQuery(IndexFields.ID, terms);
        return withSearcher(searcher -> {
            TopDocs docs = searcher.search(query, terms.size());
            List<SearchDocument> found = new ArrayList<>(docs.scoreDocs.length);
            for (ScoreDoc scoreDoc : docs.scoreDocs) {
                found.add(LuceneDocuments.fromStored(searcher.storedFields().document(scoreDoc.doc, Set.of(IndexFields.SOURCE))));
            }
            return found;
        });
    }

    @Override
    public long documentCount() {
        return withSearcher(searcher -> (long) searcher.getIndexReader().numDocs());
    }

    @Override
    public void close() {
        switchLock.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            current.closeWithoutCommit();
        } finally {
            switchLock.writeLock().unlock();
        }
    }

    @Override
    public String toString() {
        return "LuceneSearchIndex[" + root + "]";
    }

    private Generation open() {
        if (closed) {
            throw new CatalogException(ErrorCode.STORE_UNAVAILABLE, "The search index at " + root + " is closed");
        }
        return current;
    }

    private interface SearcherWork<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    private interface WriterWork<T> {
        T run(IndexWriter writer) throws IOException;
    }

    private <T> T withSearcher(SearcherWork<T> work) {
        switchLock.readLock().lock();
        try {
            SearcherManager searchers = open().searchers;
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.run(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException | AlreadyClosedException e) {
            throw unavailable("search", e);
        } finally {
            switchLock.readLock().unlock();
        }
    }

    private <T> T withWriter(WriterWork<T> work) {
        switchLock.readLock().lock();
        try {
            return work.run(open().writer);
        } catch (IOException | AlreadyClosedException e) {
            throw unavailable("write", e);
        } finally {
            switchLock.readLock().unlock();
        }
    }

    private static double score(ScoreDoc scoreDoc) {
        // sorted by score first: the score is the first sort value
        return scoreDoc instanceof FieldDoc fieldDoc && fieldDoc.fields[0] instanceof Float value ? value : scoreDoc.score;
    }

    private static Map<SearchFacet, List<FacetCount>> facetCounts(Map<String, Map<String, Long>> counts) {
        Map<SearchFacet, List<FacetCount>> facets = new EnumMap<>(SearchFacet.class);
        for (SearchFacet facet : SearchFacet.values()) {
            facets.put(facet, counts.getOrDefault(IndexFields.field(facet), Map.of()).entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(IndexFields.FACET_SIZE)
                    .map(entry -> new FacetCount(entry.getKey(), entry.getValue()))
                    .toList());
        }
        return facets;
    }

    private String readCurrent() throws IOException {
        Path pointer = root.resolve(CURRENT);
        if (!Files.exists(pointer)) {
            return null;
        }
        String name = Files.readString(pointer, StandardCharsets.UTF_8).strip();
        if (!GENERATION.matcher(name).matches() || !Files.isDirectory(root.resolve(name))) {
            throw new CatalogException(
                    ErrorCode.STORE_UNAVAILABLE,
                    "The search index at " + root + " is damaged: CURRENT names '" + name + "', which does not exist. "
                            + "Delete the folder and rebuild the index from the catalog.");
        }
        return name;
    }

    /** Replaces the pointer atomically: written aside, forced to disk, then renamed over the old one. */
    private void writeCurrent(String name) throws IOException {
        Path temporary = root.resolve(CURRENT + ".tmp");
        Files.writeString(temporary, name, StandardCharsets.UTF_8);
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        try {
            Files.move(temporary, root.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new CatalogException(
                    ErrorCode.STORE_UNAVAILABLE, "The file system of " + root + " cannot rename atomically; put the index elsewhere", e);
        }
    }

    private void deleteGenerationsOtherThan(String keep) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root, "index-*")) {
            for (Path entry : entries) {
                if (!entry.getFileName().toString().equals(keep)) {
                    deleteRecursively(entry);
                }
            }
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path entry : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(entry);
            }
        }
    }

    private static String generationName(int number) {
        return String.format("index-%06d", number);
    }

    private static int generationNumber(String name) {
        var matcher = GENERATION.matcher(name);
        return matcher.matches() ? Integer.parseInt(matcher.group(1)) : 0;
    }

    private CatalogException unavailable(String action, Exception e) {
        if (e instanceof CatalogException catalog) {
            return catalog;
        }
        if (e instanceof AlreadyClosedException) {
            return new CatalogException(ErrorCode.STORE_UNAVAILABLE, "The search index at " + root + " is closed", e);
        }
        return new CatalogException(
                ErrorCode.STORE_UNAVAILABLE, "The search index at " + root + " failed to " + action + ": " + e.getMessage(), e);
    }

    /** One physical index: its folder, writer and near-real-time searchers. */
    private static final class Generation {
        final Path path;
        final Directory directory;
        final IndexWriter writer;
        final SearcherManager searchers;
        volatile long appliedSequence;

        private Generation(Path path, Directory directory, IndexWriter writer, SearcherManager searchers, long appliedSequence) {
            this.path = path;
            this.directory = directory;
            this.writer = writer;
            this.searchers = searchers;
            this.appliedSequence = appliedSequence;
        }

        static Generation open(Path path, LuceneSearchIndexConfig config, boolean create) throws IOException {
            Files.createDirectories(path);
            Directory directory = FSDirectory.open(path);
            IndexWriter writer = null;
            try {
                IndexWriterConfig writerConfig = new IndexWriterConfig(new TokenListAnalyzer())
                        .setOpenMode(create ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                        .setRAMBufferSizeMB(config.ramBufferMegabytes())
                        // closing never commits: only commit(sequence) makes writes durable, with their position
                        .setCommitOnClose(false);
                writer = new IndexWriter(directory, writerConfig);
                if (!DirectoryReader.indexExists(directory)) {
                    writer.setLiveCommitData(Map.of(SEQUENCE, "0").entrySet());
                    writer.commit();
                }
                long applied = 0;
                for (Map.Entry<String, String> entry : writer.getLiveCommitData()) {
                    if (entry.getKey().equals(SEQUENCE)) {
                        applied = Long.parseLong(entry.getValue());
                    }
                }
                return new Generation(path, directory, writer, new SearcherManager(writer, SEARCHERS), applied);
            } catch (IOException | RuntimeException e) {
                if (writer != null) {
                    writer.rollback();
                }
                directory.close();
                throw e;
            }
        }

        void closeWithoutCommit() {
            try {
                searchers.close();
                writer.close();
                directory.close();
            } catch (IOException e) {
                throw new CatalogException(ErrorCode.STORE_UNAVAILABLE, "The search index at " + path + " failed to close: " + e.getMessage(), e);
            }
        }

        void closeQuietly() {
            try {
                searchers.close();
            } catch (IOException | RuntimeException e) {
                // closing after a failure: the original failure is the one to report
            }
            try {
                writer.rollback();
            } catch (IOException | RuntimeException e) {
                // as above
            }
            try {
                directory.close();
            } catch (IOException | RuntimeException e) {
                // as above
            }
        }
    }
}

package io.zhongtai.service.search;

import io.micronaut.context.annotation.Bean;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.zhongtai.core.Actor;
import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.asset.AssetDetail;
import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.asset.AssetType;
import io.zhongtai.core.asset.CatalogStore;
import io.zhongtai.core.change.ChangeEvent;
import io.zhongtai.core.search.SearchDocument;
import io.zhongtai.core.search.SearchIndex;
import io.zhongtai.core.warehouse.Warehouse;
import io.zhongtai.core.warehouse.WarehouseStore;
import io.zhongtai.service.Readiness;
import io.zhongtai.service.search.CrashPoints.Point;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the search index a projection of the catalog: it follows the change log in order, maps
 * each changed asset (and the table or view of each changed column, and what a renamed owner
 * owns) to its current document, writes them, and commits them to the index together with the
 * sequence of the last event applied. The index's own commit is the durable position: after a
 * crash, at any point, the projection resumes from what the index committed and re-applies the
 * rest, which is harmless because a document is always rebuilt whole from the catalog.
 *
 * <p>It runs on one thread, woken right after each write that appended change events (the
 * store's commit listener) and otherwise every {@code poll-interval}, for writes the listener
 * cannot see (another service instance on the same external Neo4j). Search counts as caught up
 * for {@code /health} once the start-up work is done and the projection has found the log empty
 * after it.
 *
 * <p>A rebuild reads the whole catalog into a new index while searches keep being answered from
 * the old one, which the projection keeps current meanwhile. It notes the log's position before
 * reading the first asset; from the moment its stream ends until the index has switched, it
 * holds the projection's write permit, so that no change is written to the old index after the
 * new one's position was fixed; then the projection resumes from that position and re-applies
 * what arrived during the rebuild. Nothing is lost and nothing is applied twice to one index.
 */
@Singleton
@Bean(preDestroy = "close")
public class SearchProjection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SearchProjection.class);
    /** How often to look while waiting for start-up work to end: health turns UP soon after. */
    private static final Duration STARTING_POLL = Duration.ofMillis(200);
    private static final int KEPT_RUNS = 20;

    private final CatalogStore store;
    private final WarehouseStore warehouses;
    private final SearchIndex index;
    private final SearchConfig config;
    private final Readiness readiness;
    private final Clock clock;
    private final CrashPoints crashPoints = CrashPoints.fromSystemProperties();
    private final SearchDocuments documents;
    private final Map<String, String> dialects = new ConcurrentHashMap<>();
    /** One writer of the index at a time: a batch of the projection, or the switch of a rebuild. */
    private final Semaphore writePermit = new Semaphore(1);
    private final Object wake = new Object();
    private final Map<String, RebuildRun> runs = new LinkedHashMap<>();
    private final ExecutorService rebuilds = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "search-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    private boolean woken;
    private volatile boolean caughtUp;
    private volatile String problem;
    private volatile boolean closed;
    private volatile RebuildRun running;
    private Thread worker;

    public SearchProjection(
            CatalogStore store, WarehouseStore warehouses, SearchIndex index, SearchConfig config, Readiness readiness, Clock clock) {
        this.store = store;
        this.warehouses = warehouses;
        this.index = index;
        this.config = config;
        this.readiness = readiness;
        this.clock = clock;
        this.documents = new SearchDocuments(this::dialect);
    }

    @EventListener
    void onStartup(ServerStartupEvent event) {
        start();
    }

    /** Starts following the change log on its own thread. */
    public synchronized void start() {
        if (worker != null || closed) {
            return;
        }
        store.addCommitListener(this::afterGraphCommit);
        worker = new Thread(this::follow, "search-projection");
        worker.setDaemon(true);
        worker.start();
    }

    /** Asks the projection to look at the change log now rather than at its next poll. */
    public void nudge() {
        synchronized (wake) {
            woken = true;
            wake.notifyAll();
        }
    }

    private void afterGraphCommit() {
        crashPoints.reached(Point.GRAPH_COMMIT);
        nudge();
    }

    // --- following the log

    private void follow() {
        try {
            LOG.info("Search projection started at change {} of the log ({})", index.appliedSequence(), index);
            rebuildIfNeverFilled();
        } catch (RuntimeException e) {
            problem = "the search index could not be filled from the catalog: " + e.getMessage();
            LOG.error("Filling the empty search index from the catalog failed; replaying the change log instead", e);
        }
        while (!closed) {
            // read first: what the start-up work wrote is in the log by the time it says it is done
            boolean startupDone = readiness.isReady();
            try {
                catchUp();
                problem = null;
                if (startupDone && !caughtUp) {
                    caughtUp = true;
                    LOG.info("Search is in step with the catalog at change {}", index.appliedSequence());
                }
            } catch (RuntimeException e) {
                if (!closed) {
                    problem = e.getMessage();
                    LOG.warn("The search projection failed and will try again: {}", e.getMessage(), e);
                }
            }
            await(caughtUp ? config.pollInterval() : STARTING_POLL);
        }
    }

    /**
     * A first start on a large catalog, or an index that was deleted: reading every asset once
     * is far cheaper than replaying every change the catalog ever had.
     */
    private void rebuildIfNeverFilled() {
        if (index.appliedSequence() == 0 && store.lastChangeSequence() > config.replayLimit()) {
            LOG.info("The search index is empty and the change log is long: rebuilding it from the catalog");
            RebuildRun run = begin(Actor.SYSTEM);
            execute(run);
            if (run.status() == RebuildRun.Status.FAILED) {
                throw new CatalogException(ErrorCode.STORE_UNAVAILABLE, run.error());
            }
        }
    }

    /** Applies batches until the log holds nothing new. */
    public void catchUp() {
        while (!closed && applyBatch()) {
            // a full batch: there may be more
        }
    }

    /** Applies one batch of change events; true when the batch was full (more may follow). */
    private boolean applyBatch() {
        writePermit.acquireUninterruptibly();
        try {
            return applyBatchHoldingPermit();
        } finally {
            writePermit.release();
        }
    }

    private boolean applyBatchHoldingPermit() {
        long from = index.appliedSequence(); // under the permit: a rebuild may just have moved it
        List<ChangeEvent> events = store.changesSince(from, config.batchSize());
        if (events.isEmpty()) {
            return false;
        }
        if (events.get(0).sequence() != from + 1) {
            LOG.warn("The change log jumps from {} to {}: events are missing from the graph", from, events.get(0).sequence());
        }
        crashPoints.reached(Point.BEFORE_INDEX);
        apply(events);
        crashPoints.reached(Point.BEFORE_COMMIT);
        index.commit(events.get(events.size() - 1).sequence());
        crashPoints.reached(Point.AFTER_COMMIT);
        return events.size() == config.batchSize();
    }

    private void apply(List<ChangeEvent> events) {
        Set<AssetId> subjects = new LinkedHashSet<>();
        events.forEach(event -> subjects.add(event.assetId()));
        Set<AssetId> wanted = new LinkedHashSet<>(subjects);
        for (AssetId id : subjects) {
            switch (id.type()) {
                // a table's document holds its columns' names, descriptions and tags
                case COLUMN -> {
                    wanted.add(id.parent(AssetType.TABLE));
                    wanted.add(id.parent(AssetType.VIEW));
                }
                // owners are shown and searched by their display names
                case USER, GROUP -> wanted.addAll(store.ownedBy(id));
                case WAREHOUSE -> dialects.clear();
                default -> {
                    // only the asset itself
                }
            }
        }
        List<SearchDocument> changed = new ArrayList<>(wanted.size());
        Set<AssetId> found = new HashSet<>();
        List<AssetId> ids = new ArrayList<>(wanted);
        for (int from = 0; from < ids.size(); from += config.batchSize()) {
            for (AssetDetail detail : store.findAssets(ids.subList(from, Math.min(ids.size(), from + config.batchSize())))) {
                changed.add(documents.of(detail));
                found.add(detail.asset().id());
            }
        }
        // an asset that is gone from the graph altogether (a deleted user) leaves the index
        List<AssetId> gone = subjects.stream().filter(id -> !found.contains(id)).toList();
        if (!gone.isEmpty()) {
            index.delete(gone);
        }
        index.upsert(changed);
    }

    private void await(Duration timeout) {
        synchronized (wake) {
            if (!woken && !closed) {
                try {
                    wake.wait(Math.max(1, timeout.toMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    closed = true;
                }
            }
            woken = false;
        }
    }

    private String dialect(String warehouse) {
        String dialect = dialects.get(warehouse);
        if (dialect == null && !dialects.containsKey(warehouse)) {
            for (Warehouse registered : warehouses.list()) {
                dialects.put(registered.name(), registered.dialect().value());
            }
            // remembered as unknown (external warehouses have no registration) until a warehouse changes
            dialects.putIfAbsent(warehouse, "");
            dialect = dialects.get(warehouse);
        }
        return dialect == null || dialect.isEmpty() ? null : dialect;
    }

    // --- rebuilding

    /** Starts a rebuild in the background and returns its run; one at a time. */
    public RebuildRun startRebuild(Actor actor) {
        RebuildRun run = begin(actor);
        try {
            rebuilds.submit(() -> execute(run));
        } catch (RuntimeException e) {
            finish(run.failed(e.getMessage(), clock.instant()));
            throw e;
        }
        return run;
    }

    /** Rebuilds now, on this thread, and returns the finished run (a failed one included). */
    public RebuildRun rebuild(Actor actor) {
        RebuildRun run = begin(actor);
        return execute(run);
    }

    /** A rebuild run by its id, the running one with its progress so far. */
    public RebuildRun rebuildRun(String id) {
        synchronized (runs) {
            RebuildRun run = runs.get(id);
            if (run == null) {
                throw new CatalogException(
                        ErrorCode.SEARCH_REBUILD_NOT_FOUND, "No search rebuild with id '" + id + "' (runs are kept in memory)");
            }
            RebuildRun current = running;
            return current != null && current.id().equals(id) ? current : run;
        }
    }

    private RebuildRun begin(Actor actor) {
        synchronized (runs) {
            if (running != null) {
                throw new CatalogException(
                        ErrorCode.SEARCH_REBUILD_RUNNING,
                        "A rebuild of the search index is already running (" + running.id() + "); follow it at "
                                + "GET /api/v1/admin/search/rebuilds/" + running.id());
            }
            RebuildRun run = RebuildRun.start(UUID.randomUUID().toString(), actor.name(), clock.instant());
            running = run;
            runs.put(run.id(), run);
            while (runs.size() > KEPT_RUNS) {
                runs.remove(runs.keySet().iterator().next());
            }
            return run;
        }
    }

    private RebuildRun execute(RebuildRun started) {
        AtomicBoolean holdingPermit = new AtomicBoolean();
        long begin = System.nanoTime();
        try {
            // fixed before the first asset is read: every change after it is replayed afterwards
            long sequence = store.lastChangeSequence();
            dialects.clear();
            RebuildRun[] progress = {started.withSequence(sequence)};
            running = progress[0];
            try (Stream<SearchDocument> catalog = catalogDocuments(count -> {
                        progress[0] = progress[0].withDocuments(count);
                        running = progress[0];
                    }, () -> {
                        writePermit.acquireUninterruptibly();
                        holdingPermit.set(true);
                    })) {
                index.rebuild(catalog, sequence);
            }
            double seconds = (System.nanoTime() - begin) / 1e9;
            RebuildRun done = progress[0].succeeded(clock.instant(), seconds);
            LOG.info("Search index rebuilt from the catalog: {} documents at change {} in {} s ({} documents/s)",
                    done.documents(), sequence, String.format("%.1f", seconds), Math.round(done.documentsPerSecond()));
            return finish(done);
        } catch (RuntimeException e) {
            LOG.error("Rebuilding the search index failed; the old index stays in use", e);
            RebuildRun current = running == null ? started : running;
            return finish(current.failed(e.getMessage(), clock.instant()));
        } finally {
            if (holdingPermit.get()) {
                writePermit.release();
            }
            nudge(); // what arrived during the rebuild is applied to the new index now
        }
    }

    private RebuildRun finish(RebuildRun run) {
        synchronized (runs) {
            runs.put(run.id(), run);
            running = null;
        }
        return run;
    }

    /**
     * Every asset of the catalog as a document, read page by page in identifier order. The next
     * page is read and mapped on a thread of its own while the index takes the current one, so
     * that reading the graph and indexing overlap. When the last page has been taken, before the
     * stream reports its end, {@code atEnd} runs once. Closing the stream stops the reader.
     */
    private Stream<SearchDocument> catalogDocuments(java.util.function.LongConsumer progress, Runnable atEnd) {
        ExecutorService reader = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "search-rebuild-reader");
            thread.setDaemon(true);
            return thread;
        });
        int size = config.rebuildBatchSize();
        Iterator<SearchDocument> iterator = new Iterator<>() {
            private java.util.concurrent.Future<Page> pending = reader.submit(() -> read(null, size));
            private Iterator<SearchDocument> page = List.<SearchDocument>of().iterator();
            private boolean lastPage;
            private boolean ended;
            private long count;

            @Override
            public boolean hasNext() {
                while (!page.hasNext()) {
                    if (lastPage) {
                        if (!ended) {
                            ended = true;
                            progress.accept(count);
                            atEnd.run();
                        }
                        return false;
                    }
                    Page next = take(pending);
                    lastPage = next.documents().size() < size;
                    if (!lastPage) {
                        pending = reader.submit(() -> read(next.last(), size));
                    }
                    page = next.documents().iterator();
                    progress.accept(count);
                }
                return true;
            }

            @Override
            public SearchDocument next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                count++;
                return page.next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(reader::shutdownNow);
    }

    /** One page of documents and the identifier to read on from. */
    private record Page(List<SearchDocument> documents, AssetId last) {}

    private Page read(AssetId after, int size) {
        List<AssetDetail> details = store.assetsAfter(after, size);
        List<SearchDocument> mapped = new ArrayList<>(details.size());
        details.forEach(detail -> mapped.add(documents.of(detail)));
        return new Page(mapped, details.isEmpty() ? after : details.get(details.size() - 1).asset().id());
    }

    private static Page take(java.util.concurrent.Future<Page> pending) {
        try {
            return pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CatalogException(ErrorCode.STORE_UNAVAILABLE, "Interrupted while reading the catalog", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new CatalogException(ErrorCode.STORE_UNAVAILABLE, "Reading the catalog failed: " + e.getCause(), e.getCause());
        }
    }

    // --- state and checks

    /** Whether search has caught up with the catalog since the service started (for {@code /health}). */
    public boolean caughtUp() {
        return caughtUp && problem == null;
    }

    /** Why search is not ready, or null. */
    public String problem() {
        return problem != null ? problem : caughtUp ? null : "search is catching up with the catalog";
    }

    /** Where the index stands against the catalog. */
    public SearchStatus status() {
        long last = store.lastChangeSequence();
        long applied = index.appliedSequence();
        RebuildRun current = running;
        RebuildRun latest;
        synchronized (runs) {
            latest = current != null ? current : runs.isEmpty() ? null : new ArrayList<>(runs.values()).get(runs.size() - 1);
        }
        return new SearchStatus(index.toString(), index.documentCount(), applied, last, Math.max(0, last - applied), caughtUp(), problem, latest);
    }

    /**
     * Compares the index with the catalog, asset by asset: first applies what the log holds, then,
     * holding the projection back, reads every asset, builds its document and compares it with
     * the stored one. Writes made meanwhile show up as differences; run it on a quiet catalog.
     */
    public ConsistencyReport check() {
        writePermit.acquireUninterruptibly();
        try {
            while (applyBatchHoldingPermit()) {
                // drain the log
            }
            long last = store.lastChangeSequence();
            long applied = index.appliedSequence();
            long assets = 0;
            long missingCount = 0;
            long staleCount = 0;
            List<String> missing = new ArrayList<>();
            List<String> stale = new ArrayList<>();
            AssetId after = null;
            for (List<AssetDetail> page = store.assetsAfter(null, config.rebuildBatchSize());
                    !page.isEmpty();
                    page = store.assetsAfter(after, config.rebuildBatchSize())) {
                after = page.get(page.size() - 1).asset().id();
                Map<AssetId, SearchDocument> expected = new LinkedHashMap<>();
                page.forEach(detail -> expected.put(detail.asset().id(), documents.of(detail)));
                Map<AssetId, SearchDocument> stored = new java.util.HashMap<>();
                index.documents(expected.keySet()).forEach(document -> stored.put(document.id(), document));
                for (Map.Entry<AssetId, SearchDocument> entry : expected.entrySet()) {
                    assets++;
                    SearchDocument found = stored.get(entry.getKey());
                    if (found == null) {
                        missingCount++;
                        addExample(missing, entry.getKey());
                    } else if (!found.equals(entry.getValue())) {
                        staleCount++;
                        addExample(stale, entry.getKey());
                    }
                }
            }
            long documentCount = index.documentCount();
            long unexpected = documentCount - (assets - missingCount);
            return new ConsistencyReport(
                    assets, documentCount, applied, last, missingCount, staleCount, unexpected, missing, stale,
                    applied == last && missingCount == 0 && staleCount == 0 && unexpected == 0);
        } finally {
            writePermit.release();
        }
    }

    private static void addExample(List<String> examples, AssetId id) {
        if (examples.size() < 50) {
            examples.add(id.toString());
        }
    }

    @Override
    public void close() {
        closed = true;
        nudge();
        rebuilds.shutdownNow();
        Thread thread;
        synchronized (this) {
            thread = worker;
        }
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            rebuilds.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Where the index stands: its adapter, size and position against the change log. */
    public record SearchStatus(
            String index, long documents, long appliedSequence, long lastSequence, long lag, boolean caughtUp, String problem,
            RebuildRun rebuild) {}

    /**
     * The result of {@link #check()}: how many assets the catalog holds and documents the index
     * holds, and which assets have no document ({@code missing}) or one that differs from what the
     * catalog holds now ({@code stale}), with up to 50 examples each; {@code unexpected} counts
     * documents without an asset.
     */
    public record ConsistencyReport(
            long assets,
            long documents,
            long appliedSequence,
            long lastSequence,
            long missing,
            long stale,
            long unexpected,
            List<String> missingExamples,
            List<String> staleExamples,
            boolean consistent) {}
}

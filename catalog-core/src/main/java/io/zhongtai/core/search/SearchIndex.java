package io.zhongtai.core.search;

import io.zhongtai.core.asset.AssetId;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * The search index: a projection of the catalog that finds assets by words, in English or
 * Chinese, with typos, ranked, with facets. The catalog store is the truth; an index can always
 * be rebuilt from it, and it remembers how far into the catalog's change log it is.
 *
 * <p>How a projection keeps an index in step with the change log:
 * <pre>{@code
 * long applied = index.appliedSequence();
 * while (running) {
 *     List<ChangeEvent> events = store.changesSince(applied, 1000);
 *     // map each changed asset (and the table of each changed column) to its current document
 *     index.upsert(documents);      // removed assets: upsert with deleted = true, or delete(ids)
 *     index.delete(purgedIds);
 *     applied = events.get(events.size() - 1).sequence();
 *     index.commit(applied);        // documents and position become durable together
 * }
 * }</pre>
 *
 * <p>Contract for every implementation:
 * <ul>
 *   <li><b>Idempotent writes.</b> {@link #upsert} replaces the whole document of each id;
 *       {@link #delete} of an absent id does nothing. Replaying change events that were already
 *       applied is therefore harmless, which is what makes catching up after a crash safe.
 *   <li><b>Durable position.</b> {@link #commit} makes every write before it durable together
 *       with the sequence, so that {@link #appliedSequence} never runs ahead of the documents:
 *       after a crash the index holds at least everything up to {@code appliedSequence()} and the
 *       projection re-applies the rest. Writes not yet committed may be lost in a crash.
 *   <li><b>Visibility.</b> Writes are visible to {@link #search} and {@link #suggest} once
 *       {@link #commit} returns (an adapter may show them earlier).
 *   <li><b>Deleted assets are never returned</b>: documents with {@code deleted = true} are
 *       kept but take no part in hits, totals, facets or suggestions.
 *   <li><b>Rebuild without downtime.</b> {@link #rebuild} fills a new index while searches keep
 *       being answered from the current one, then switches atomically. Writes made to the old
 *       index while a rebuild runs are dropped with it, and the position becomes the rebuild's
 *       {@code sequence}. So a projection may keep the old index current during a rebuild, but
 *       must make no write from the moment the stream is exhausted until {@code rebuild}
 *       returns, and must then resume from {@link #appliedSequence()}.
 *   <li><b>Thread safety.</b> Searches and suggestions may run from any number of threads, also
 *       during writes and rebuilds. Writes and commits come from one projection at a time.
 *   <li><b>Errors</b> are {@link io.zhongtai.core.CatalogException}s: {@code INVALID_REQUEST} for a
 *       query or call the index refuses, {@code STORE_UNAVAILABLE} when the index cannot be read
 *       or written (disk, network, cluster); never an engine's own exception.
 * </ul>
 */
public interface SearchIndex extends AutoCloseable {
    /** Adds or replaces the documents, keyed by their asset id. */
    void upsert(List<SearchDocument> documents);

    /** Removes the documents of these assets; ids that are not indexed are ignored. */
    void delete(List<AssetId> ids);

    /**
     * Makes all writes so far durable and visible, together with the change-log position they
     * bring the index to. {@code sequence} may repeat the current position (a commit with
     * nothing new) but never go below it.
     */
    void commit(long sequence);

    /** The change-log sequence of the last {@link #commit} or {@link #rebuild}; 0 for a new index. */
    long appliedSequence();

    /** Searches, ranks, highlights, pages and counts facets. */
    SearchResult search(SearchQuery query);

    /**
     * Completions for what a user is typing: live assets whose name, a word of the name, or a
     * label starts with {@code prefix} (case-insensitive), names that start with it first, then
     * by type (datasets, metrics and terms before columns), usage and shorter names.
     *
     * @param limit 1 to 100
     */
    List<Suggestion> suggest(String prefix, int limit);

    /**
     * Replaces the whole index with {@code documents}, which bring it to change-log position
     * {@code sequence}. Search answers from the old content until the new one is complete and
     * committed, then from the new one; a failure leaves the old index in place. The stream is
     * read once and not closed here (its owner closes it).
     */
    void rebuild(Stream<SearchDocument> documents, long sequence);

    /**
     * The stored documents of these assets, exactly as last upserted, in no particular order;
     * ids the index does not hold are left out. Committed and visible writes only. For checking
     * that an index holds what the catalog holds.
     */
    List<SearchDocument> documents(Collection<AssetId> ids);

    /** How many documents the index holds, soft-deleted ones included. */
    long documentCount();

    /** Releases files, threads and connections; uncommitted writes are not committed. */
    @Override
    void close();

    /** Checks a change-log position handed to {@link #rebuild}: the log counts from 0. */
    static long requireSequence(long sequence) {
        if (sequence < 0) {
            throw io.zhongtai.core.CatalogException.invalid("sequence", "must be 0 or more, was " + sequence);
        }
        return sequence;
    }
}

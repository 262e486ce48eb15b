package io.zhongtai.core.asset;

import io.zhongtai.core.Actor;
import io.zhongtai.core.Page;
import io.zhongtai.core.PageRequest;
import io.zhongtai.core.change.ChangeEvent;
import io.zhongtai.core.harvest.HarvestBatch;
import io.zhongtai.core.harvest.HarvestPolicy;
import io.zhongtai.core.harvest.HarvestResult;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The store of record for assets, their versions and the change log.
 *
 * <p>Contract for every implementation:
 * <ul>
 *   <li>each write and the change events it makes commit in one transaction, or not at all;
 *   <li>change events get gap-free, increasing sequence numbers across the whole catalog;
 *   <li>{@link #applyHarvest} writes only the difference, so a repeated harvest is a no-op;
 *   <li>failures surface as {@link io.zhongtai.core.CatalogException}, never driver exceptions.
 * </ul>
 */
public interface CatalogStore {
    /**
     * Compares the harvest with the warehouse's stored assets and writes the difference, unless
     * the policy refuses the plan (then nothing is written and the error says why).
     */
    HarvestResult applyHarvest(HarvestBatch batch, Actor actor, HarvestPolicy policy);

    Optional<AssetDetail> findAsset(AssetId id);

    Page<Asset> listAssets(AssetQuery query, PageRequest page);

    /**
     * Applies a curated edit. Owners, tags, terms and domain must exist (else a user error
     * naming the unknown ones); an edit that changes nothing makes no version.
     */
    Asset patchAsset(AssetId id, AssetPatch patch, Actor actor);

    /** Change events of one asset, newest first. */
    Page<ChangeEvent> history(AssetId id, PageRequest page);

    /** Change events with a sequence greater than {@code afterSequence}, oldest first. */
    List<ChangeEvent> changesSince(long afterSequence, int limit);

    /**
     * The sequence of the newest change event, 0 while the log is empty. A projection that reads
     * this first and then the assets holds at least everything up to it.
     */
    default long lastChangeSequence() {
        long last = 0;
        for (List<ChangeEvent> page = changesSince(0, 10_000); !page.isEmpty(); page = changesSince(last, 10_000)) {
            last = page.get(page.size() - 1).sequence();
        }
        return last;
    }

    /**
     * The assets with these ids, each as {@link #findAsset} gives it (a table or view with its
     * live columns), soft-deleted ones included; ids with no asset are left out. One round trip
     * for many assets: what a projection of the change log reads per batch of events.
     */
    default List<AssetDetail> findAssets(Collection<AssetId> ids) {
        return ids.stream().map(this::findAsset).flatMap(Optional::stream).toList();
    }

    /**
     * One page of every asset of every type, soft-deleted ones included, ordered by the text of
     * their identifiers, starting after {@code after} (exclusive; null for the first page), each as
     * {@link #findAsset} gives it. Paging by the last identifier seen stays fast however deep it
     * goes, so a full rebuild of the search index reads the whole catalog this way.
     *
     * @param limit 1 to 10,000
     */
    List<AssetDetail> assetsAfter(AssetId after, int limit);

    /** The assets, soft-deleted ones included, whose owners include this user or group. */
    List<AssetId> ownedBy(AssetId owner);

    /**
     * Asks to be called after each committed write of the store of record, from this port or any
     * other port of the same store, that may have appended change events. The listener runs on the
     * writer's thread just after the commit and must return at once (hand the work to another
     * thread). A store that cannot tell never calls it, so followers of the change log also poll.
     */
    default void addCommitListener(Runnable listener) {}

    /** Creates a term, tag or domain; a conflict if one of that type and name exists. */
    Classification createClassification(Classification classification, Actor actor);

    /** Creates or replaces the description, synonyms and owners of a term, tag or domain. */
    Classification putClassification(Classification classification, Actor actor);

    Optional<Classification> findClassification(AssetId id);

    Page<Classification> listClassifications(AssetType type, PageRequest page);

    /** Deletes a term, tag or domain; a conflict while any live asset still carries it. */
    void deleteClassification(AssetId id, Actor actor);
}

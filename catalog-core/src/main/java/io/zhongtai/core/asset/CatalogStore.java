package io.zhongtai.core.asset;

import io.zhongtai.core.Actor;
import io.zhongtai.core.Page;
import io.zhongtai.core.PageRequest;
import io.zhongtai.core.change.ChangeEvent;
import io.zhongtai.core.harvest.HarvestBatch;
import io.zhongtai.core.harvest.HarvestPolicy;
import io.zhongtai.core.harvest.HarvestResult;
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

    /** Creates a term, tag or domain; a conflict if one of that type and name exists. */
    Classification createClassification(Classification classification, Actor actor);

    /** Creates or replaces the description, synonyms and owners of a term, tag or domain. */
    Classification putClassification(Classification classification, Actor actor);

    Optional<Classification> findClassification(AssetId id);

    Page<Classification> listClassifications(AssetType type, PageRequest page);

    /** Deletes a term, tag or domain; a conflict while any live asset still carries it. */
    void deleteClassification(AssetId id, Actor actor);
}

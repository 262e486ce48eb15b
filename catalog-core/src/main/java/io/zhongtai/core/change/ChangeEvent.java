package io.zhongtai.core.change;

import static java.util.Objects.requireNonNull;

import io.zhongtai.core.asset.AssetId;
import java.time.Instant;
import java.util.List;

/**
 * One entry of the catalog's change log, written in the same transaction as the change.
 *
 * @param sequence position in the whole catalog's change log: gap-free and increasing, so
 *     projections (the search index) can follow it and resume from the last one applied
 * @param version the asset's version after this change
 * @param by the user (or {@code system}) who made it
 * @param breaking true when consumers of the asset may break (a dropped column, a changed type)
 */
public record ChangeEvent(
        long sequence,
        AssetId assetId,
        long version,
        ChangeKind kind,
        Instant at,
        String by,
        List<Change> changes,
        boolean breaking) {
    public ChangeEvent {
        requireNonNull(assetId, "assetId is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(at, "at is null");
        requireNonNull(by, "by is null");
        changes = List.copyOf(requireNonNull(changes, "changes is null"));
    }
}

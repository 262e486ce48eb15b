package io.zhongtai.core.harvest;

import static java.util.Objects.requireNonNull;

import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.asset.ForeignKey;
import io.zhongtai.core.change.ChangeKind;
import java.util.List;
import java.util.Map;

/**
 * The difference between a harvest and the store: the writes that make versions and change
 * events, the statistics to refresh (no version), the foreign keys as harvested, and how many
 * live assets the warehouse held before (for {@link HarvestPolicy}).
 */
public record HarvestPlan(
        List<PlannedWrite> writes,
        Map<AssetId, Map<String, Object>> statistics,
        List<ForeignKey> foreignKeys,
        long liveBefore) {
    public HarvestPlan {
        writes = List.copyOf(requireNonNull(writes, "writes is null"));
        statistics = Map.copyOf(requireNonNull(statistics, "statistics is null"));
        foreignKeys = List.copyOf(requireNonNull(foreignKeys, "foreignKeys is null"));
    }

    /** Counts for the crawl run: a restored asset counts as added. */
    public HarvestResult result() {
        int added = 0;
        int changed = 0;
        int removed = 0;
        for (PlannedWrite write : writes) {
            switch (write.kind()) {
                case CREATED, RESTORED -> added++;
                case UPDATED -> changed++;
                case REMOVED -> removed++;
            }
        }
        return new HarvestResult(added, changed, removed);
    }

    public boolean isEmpty(ChangeKind kind) {
        return writes.stream().noneMatch(write -> write.kind() == kind);
    }
}

package io.zhongtai.core.lineage;

import static java.util.Objects.requireNonNull;

import io.zhongtai.core.asset.AssetId;
import java.util.List;

/**
 * What lies downstream of an asset and would be affected by changing it.
 *
 * @param start the asset changed
 * @param depth how far the walk went
 * @param assets every downstream asset (tables, views, columns, metrics), nearest first
 * @param jobs the jobs that carry the flows to them
 */
public record ImpactReport(AssetId start, int depth, List<ImpactedAsset> assets, List<AssetId> jobs) {
    public ImpactReport {
        requireNonNull(start, "start is null");
        assets = List.copyOf(requireNonNull(assets, "assets is null"));
        jobs = List.copyOf(requireNonNull(jobs, "jobs is null"));
    }

    /**
     * One affected asset.
     *
     * @param hops the shortest distance from the start
     * @param owners owner ids; empty when nobody owns it (that gap is part of the answer)
     * @param via the jobs through which the flow reaches it on the last hop
     */
    public record ImpactedAsset(AssetId id, String name, int hops, List<String> owners, List<AssetId> via) {
        public ImpactedAsset {
            requireNonNull(id, "id is null");
            owners = List.copyOf(owners);
            via = List.copyOf(via);
        }
    }
}

package io.zhongtai.core.harvest;

/** What applying a harvest changed: assets added, changed (new version) and removed (soft-deleted). */
public record HarvestResult(int added, int changed, int removed) {
    public static final HarvestResult NOTHING = new HarvestResult(0, 0, 0);
}

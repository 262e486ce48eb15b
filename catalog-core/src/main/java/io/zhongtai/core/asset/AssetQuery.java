package io.zhongtai.core.asset;

/**
 * Which assets to list. Every field may be null (no restriction). {@code text} matches names
 * and qualified names by case-insensitive substring; ranked full-text search is the search
 * index's job, not the store's.
 */
public record AssetQuery(AssetType type, String warehouse, String text, boolean includeDeleted) {
    public static AssetQuery all() {
        return new AssetQuery(null, null, null, false);
    }
}

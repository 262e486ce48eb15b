package io.zhongtai.service.api;

import io.zhongtai.core.asset.AssetId;

/** Reads an asset identifier from a URL path segment (API.md: one percent-encoded segment). */
final class Identifiers {
    private Identifiers() {}

    /** Micronaut hands path variables over already percent-decoded; decoding again would corrupt a '%' in a name. */
    static AssetId fromPath(String segment) {
        return AssetId.parse(segment);
    }
}

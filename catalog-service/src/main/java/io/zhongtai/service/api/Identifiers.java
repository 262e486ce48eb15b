package io.zhongtai.service.api;

import io.zhongtai.core.asset.AssetId;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Reads an asset identifier from a URL path segment (API.md: one percent-encoded segment). */
final class Identifiers {
    private Identifiers() {}

    /** Micronaut hands path variables over already percent-decoded; decoding again would corrupt a '%' in a name. */
    static AssetId fromPath(String segment) {
        return AssetId.parse(segment);
    }

    /** The identifier as one percent-encoded path segment. */
    static String toPath(AssetId id) {
        return URLEncoder.encode(id.toString(), StandardCharsets.UTF_8).replace("+", "%20");
    }
}

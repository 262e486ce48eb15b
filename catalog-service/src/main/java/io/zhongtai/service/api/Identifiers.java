package io.zhongtai.service.api;

import io.zhongtai.core.asset.AssetId;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Reads an asset identifier from a URL path segment (API.md: one percent-encoded segment). */
final class Identifiers {
    private Identifiers() {}

    static AssetId fromPath(String segment) {
        // Micronaut hands over the segment still encoded when it holds %2F and the like; decoding
        // twice is harmless for identifiers, which never contain '%' followed by hex digits unencoded
        String decoded = segment.contains("%") ? URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8) : segment;
        return AssetId.parse(decoded);
    }
}

package io.zhongtai.service.search;

import io.zhongtai.core.asset.Asset;
import io.zhongtai.core.asset.AssetDetail;
import io.zhongtai.core.asset.TagAssignment;
import io.zhongtai.core.search.SearchDocument;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps what the catalog holds about an asset to its search document. The same mapping serves
 * the change-log projection, the rebuild and the consistency check, so all three agree.
 *
 * <p>Beyond {@link SearchDocument#fromAsset}: the platform is the dialect of the asset's
 * warehouse; labels are the asset's synonyms and display name, and a metric's labels once the
 * metrics engine stores them ({@code labels}); an asset is certified by a {@code certified}
 * attribute or tag, deprecated by a {@code deprecated} attribute or tag, or a {@code status} of
 * {@code deprecated}; usage comes from a {@code reads} attribute, which query-log harvesting
 * will fill (0 until then).
 *
 * <p>A Chinese name written in parentheses in an asset's description, as catalogs in China
 * commonly gloss English table names ({@code "Customer orders, one row per order (订单)."}),
 * becomes a label too, so that {@code 订单} is that table's name in Chinese and finds it first.
 */
public final class SearchDocuments {
    static final String CERTIFIED = "certified";
    static final String DEPRECATED = "deprecated";

    /** A parenthesised run of Chinese characters (half- or full-width parentheses). */
    private static final Pattern CHINESE_GLOSS = Pattern.compile("[(（]\\s*(\\p{IsHan}[\\p{IsHan}·・ ]*?)\\s*[)）]");

    private final Function<String, String> dialectOfWarehouse;

    /** @param dialectOfWarehouse the dialect ({@code duckdb}, ...) of a warehouse by name, or null when unknown */
    public SearchDocuments(Function<String, String> dialectOfWarehouse) {
        this.dialectOfWarehouse = dialectOfWarehouse;
    }

    public SearchDocument of(AssetDetail detail) {
        Asset asset = detail.asset();
        Map<String, Object> attributes = asset.attributes();
        Set<String> tags = new LinkedHashSet<>();
        asset.tags().stream().map(TagAssignment::name).forEach(tags::add);
        return SearchDocument.fromAsset(detail)
                .platform(asset.id().warehouse() == null ? null : dialectOfWarehouse.apply(asset.id().warehouse()))
                .labels(labels(asset))
                .certified(isTrue(attributes.get(CERTIFIED)) || tags.contains(CERTIFIED))
                .deprecated(isTrue(attributes.get(DEPRECATED))
                        || tags.contains(DEPRECATED)
                        || DEPRECATED.equals(String.valueOf(attributes.get("status")).toLowerCase(Locale.ROOT)))
                .reads(attributes.get("reads") instanceof Number reads ? Math.max(0, reads.longValue()) : 0)
                .build();
    }

    /** Other names of the asset: a person's or group's display name, synonyms, a metric's labels. */
    private static List<String> labels(Asset asset) {
        Set<String> labels = new LinkedHashSet<>();
        Object displayName = asset.attributes().get("displayName");
        if (displayName instanceof String name && !name.isBlank() && !name.equals(asset.id().name())) {
            labels.add(name);
        }
        for (String key : List.of("labels", "synonyms")) {
            if (asset.attributes().get(key) instanceof List<?> values) {
                values.stream()
                        .filter(value -> value instanceof String text && !text.isBlank())
                        .map(String.class::cast)
                        .forEach(labels::add);
            }
        }
        labels.addAll(chineseGlosses(asset.description()));
        return new ArrayList<>(labels);
    }

    /** The Chinese names written in parentheses in a description: {@code (订单)} gives 订单. */
    static List<String> chineseGlosses(String description) {
        if (description == null) {
            return List.of();
        }
        List<String> glosses = new ArrayList<>();
        Matcher matcher = CHINESE_GLOSS.matcher(description);
        while (matcher.find()) {
            glosses.add(matcher.group(1).strip());
        }
        return glosses;
    }

    private static boolean isTrue(Object value) {
        return Boolean.TRUE.equals(value) || "true".equals(value);
    }
}

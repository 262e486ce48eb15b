package io.zhongtai.core.search;

import static java.util.Objects.requireNonNull;

import io.zhongtai.core.CatalogException;
import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.asset.AssetType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One facet filter of a search, written {@code key:value} in the API ({@code tag:pii},
 * {@code warehouse:demo}, {@code owner:group:data-team}, {@code domain:Sales},
 * {@code certified:true}). Values match exactly, as the facets show them. Filters on the same
 * key are alternatives (either tag); filters on different keys must all hold. The asset type
 * is filtered through {@link SearchQuery#types()} instead. Deprecated assets are left out unless
 * a {@code deprecated:} filter asks for them: {@code deprecated:true} finds only them, and
 * {@code deprecated:true} with {@code deprecated:false} finds both.
 */
public record SearchFilter(Key key, String value) {
    public SearchFilter {
        requireNonNull(key, "key is null");
        requireNonNull(value, "value is null");
        if (value.isBlank()) {
            throw CatalogException.invalid("filter", "the value of '" + key.value() + ":' is empty");
        }
        if ((key == Key.CERTIFIED || key == Key.DEPRECATED) && !value.equals("true") && !value.equals("false")) {
            throw CatalogException.invalid("filter", key.value() + " takes true or false, not '" + value + "'");
        }
        if (key == Key.OWNER && value.contains(":")) {
            // an owner is named by its identifier (user:alice, group:data-team) or by its bare name
            AssetType type = AssetId.parse(value).type();
            if (type != AssetType.USER && type != AssetType.GROUP) {
                throw CatalogException.invalid("filter", "an owner is a user: or group: identifier, not '" + value + "'");
            }
        }
    }

    /** Parses {@code key:value}; the value is everything after the first colon. */
    public static SearchFilter parse(String text) {
        requireNonNull(text, "filter is null");
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw CatalogException.invalid("filter", "expected key:value such as tag:pii, not '" + text + "'");
        }
        return new SearchFilter(Key.fromValue(text.substring(0, colon)), text.substring(colon + 1));
    }

    @Override
    public String toString() {
        return key.value() + ":" + value;
    }

    /** The fields a search can be filtered by. */
    public enum Key {
        WAREHOUSE("warehouse"),
        SCHEMA("schema"),
        DOMAIN("domain"),
        /** a user or group identifier ({@code group:data-team}) or a bare name ({@code alice}) */
        OWNER("owner"),
        TAG("tag", "tags"),
        TERM("term", "terms"),
        CERTIFIED("certified"),
        PLATFORM("platform"),
        /** {@code true} or {@code false}; without it a search leaves deprecated assets out */
        DEPRECATED("deprecated");

        private final String value;
        private final List<String> aliases;

        Key(String value, String... aliases) {
            this.value = value;
            this.aliases = List.of(aliases);
        }

        public String value() {
            return value;
        }

        public static Key fromValue(String text) {
            String lower = text.toLowerCase(Locale.ROOT);
            for (Key key : values()) {
                if (key.value.equals(lower) || key.aliases.contains(lower)) {
                    return key;
                }
            }
            throw CatalogException.invalid(
                    "filter",
                    "unknown filter '" + text + "'; known: type, "
                            + Arrays.stream(values()).map(Key::value).collect(Collectors.joining(", ")));
        }
    }
}

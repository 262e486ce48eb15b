package io.zhongtai.core.asset;

import static java.util.Objects.requireNonNull;

import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import java.util.ArrayList;
import java.util.List;

/**
 * The stable identifier of an asset: {@code <type>:<qualified name>} (API.md).
 *
 * <p>For hierarchical types the qualified name is a dotted path whose segments are written in
 * double quotes (with {@code "} doubled) when they contain {@code .}, {@code "}, {@code :},
 * white space or upper-case letters, or are empty: {@code table:demo."Sales"."Order Items"}.
 * Flat types (term, tag, metric, domain, user, group) carry one name written as it is:
 * {@code term:Gross Merchandise Value}. {@link #parse} and {@link #toString} are inverse.
 */
public record AssetId(AssetType type, List<String> path) implements Comparable<AssetId> {
    public AssetId {
        requireNonNull(type, "type is null");
        path = List.copyOf(requireNonNull(path, "path is null"));
        int expected = type.hierarchical() ? type.segments() : 1;
        if (path.size() != expected) {
            throw new CatalogException(
                    ErrorCode.INVALID_IDENTIFIER,
                    "A " + type.value() + " identifier has " + expected + " segment(s), not " + path.size() + ": "
                            + path);
        }
        if (!type.hierarchical() && path.get(0).isBlank()) {
            throw new CatalogException(ErrorCode.INVALID_IDENTIFIER, "A " + type.value() + " name must not be blank");
        }
    }

    public static AssetId of(AssetType type, String... path) {
        return new AssetId(type, List.of(path));
    }

    /** Qualified name of a child: this id's path plus one segment, with the given type. */
    public AssetId child(AssetType childType, String name) {
        List<String> childPath = new ArrayList<>(path);
        childPath.add(name);
        return new AssetId(childType, childPath);
    }

    /** The last segment, unquoted. */
    public String name() {
        return path.get(path.size() - 1);
    }

    /** The warehouse the asset lives in, or null for flat types. */
    public String warehouse() {
        return type.hierarchical() ? path.get(0) : null;
    }

    /** The identifier of the container one level up with the given type (schema of a table, ...). */
    public AssetId parent(AssetType parentType) {
        return new AssetId(parentType, path.subList(0, path.size() - 1));
    }

    /** The whole qualified name as written in identifiers. */
    public String qualifiedName() {
        if (!type.hierarchical()) {
            return path.get(0);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < path.size(); i++) {
            if (i > 0) {
                out.append('.');
            }
            appendSegment(out, path.get(i));
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return type.value() + ":" + qualifiedName();
    }

    /** By type, then segment by segment; cheap enough for sorting large harvests. */
    @Override
    public int compareTo(AssetId other) {
        int byType = type.compareTo(other.type);
        if (byType != 0) {
            return byType;
        }
        for (int i = 0; i < Math.min(path.size(), other.path.size()); i++) {
            int bySegment = path.get(i).compareTo(other.path.get(i));
            if (bySegment != 0) {
                return bySegment;
            }
        }
        return Integer.compare(path.size(), other.path.size());
    }

    /** Parses {@code type:qualified.name}; the error says where and why it is malformed. */
    public static AssetId parse(String text) {
        requireNonNull(text, "identifier is null");
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw invalid(text, "expected '<type>:<qualified name>', such as table:demo.retail.orders");
        }
        AssetType type = AssetType.fromValue(text.substring(0, colon));
        String rest = text.substring(colon + 1);
        if (!type.hierarchical()) {
            if (rest.isBlank()) {
                throw invalid(text, "the name after '" + type.value() + ":' is empty");
            }
            return new AssetId(type, List.of(rest));
        }
        List<String> segments = parseSegments(text, rest, colon + 1);
        if (segments.size() != type.segments()) {
            throw invalid(
                    text,
                    "a " + type.value() + " has " + type.segments() + " dotted segment(s) ("
                            + example(type) + "), found " + segments.size());
        }
        return new AssetId(type, segments);
    }

    /** Splits a dotted, possibly quoted, qualified name into its segments. */
    public static List<String> parseQualifiedName(String qualifiedName) {
        return parseSegments(qualifiedName, qualifiedName, 0);
    }

    private static List<String> parseSegments(String whole, String rest, int offset) {
        List<String> segments = new ArrayList<>();
        int i = 0;
        int n = rest.length();
        while (true) {
            StringBuilder segment = new StringBuilder();
            if (i < n && rest.charAt(i) == '"') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = rest.charAt(i);
                    if (c == '"') {
                        if (i + 1 < n && rest.charAt(i + 1) == '"') {
                            segment.append('"');
                            i += 2;
                            continue;
                        }
                        closed = true;
                        i++;
                        break;
                    }
                    segment.append(c);
                    i++;
                }
                if (!closed) {
                    throw invalid(whole, "unterminated quoted segment starting at position " + (offset + 1));
                }
                if (i < n && rest.charAt(i) != '.') {
                    throw invalid(whole, "expected '.' after a quoted segment at position " + (offset + i + 1));
                }
            } else {
                int start = i;
                while (i < n && rest.charAt(i) != '.') {
                    char c = rest.charAt(i);
                    if (needsQuoting(c)) {
                        throw invalid(
                                whole,
                                "character '" + c + "' at position " + (offset + i + 1)
                                        + " needs the segment to be quoted, as in \"" + rest.substring(start, i)
                                        + c + "...\"");
                    }
                    segment.append(c);
                    i++;
                }
                if (segment.isEmpty()) {
                    throw invalid(whole, "empty segment at position " + (offset + start + 1));
                }
            }
            segments.add(segment.toString());
            if (i >= n) {
                return segments;
            }
            i++; // the dot
            if (i >= n) {
                throw invalid(whole, "the name ends with '.'");
            }
        }
    }

    private static boolean needsQuoting(char c) {
        return c == '.' || c == '"' || c == ':' || Character.isWhitespace(c) || Character.isUpperCase(c)
                || Character.isSpaceChar(c);
    }

    private static void appendSegment(StringBuilder out, String segment) {
        boolean quote = segment.isEmpty();
        for (int i = 0; i < segment.length() && !quote; i++) {
            quote = needsQuoting(segment.charAt(i));
        }
        if (!quote) {
            out.append(segment);
            return;
        }
        out.append('"').append(segment.replace("\"", "\"\"")).append('"');
    }

    private static String example(AssetType type) {
        return switch (type) {
            case WAREHOUSE -> "warehouse:demo";
            case SCHEMA -> "schema:demo.retail";
            case TABLE -> "table:demo.retail.orders";
            case VIEW -> "view:demo.mart.v_sales";
            case COLUMN -> "column:demo.retail.orders.order_id";
            case JOB -> "job:demo.load_daily_sales";
            default -> type.value() + ":name";
        };
    }

    private static CatalogException invalid(String text, String reason) {
        return new CatalogException(ErrorCode.INVALID_IDENTIFIER, "Invalid identifier '" + text + "': " + reason);
    }
}

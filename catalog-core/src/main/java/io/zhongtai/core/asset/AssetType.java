package io.zhongtai.core.asset;

import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The kinds of asset the catalog knows. Hierarchical types are named by a dotted path of
 * segments inside their warehouse ({@code table:demo.retail.orders}); flat types by one free
 * name ({@code term:Gross Merchandise Value}).
 */
public enum AssetType {
    WAREHOUSE(1),
    SCHEMA(2),
    TABLE(3),
    VIEW(3),
    COLUMN(4),
    JOB(2),
    METRIC(0),
    TERM(0),
    TAG(0),
    DOMAIN(0),
    USER(0),
    GROUP(0);

    private final int segments;

    AssetType(int segments) {
        this.segments = segments;
    }

    /** Number of dotted segments in the qualified name, or 0 for a flat type with one free name. */
    public int segments() {
        return segments;
    }

    public boolean hierarchical() {
        return segments > 0;
    }

    /** Lower-case name used in identifiers and JSON: {@code table}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for tables and views, the datasets that hold columns. */
    public boolean isDataset() {
        return this == TABLE || this == VIEW;
    }

    public static AssetType fromValue(String value) {
        for (AssetType type : values()) {
            if (type.value().equals(value)) {
                return type;
            }
        }
        throw new CatalogException(
                ErrorCode.INVALID_IDENTIFIER,
                "Unknown asset type '" + value + "'; known types: "
                        + Arrays.stream(values()).map(AssetType::value).collect(Collectors.joining(", ")));
    }
}

package io.zhongtai.core.governance;

import static java.util.Objects.requireNonNull;

import io.zhongtai.core.CatalogException;
import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.asset.AssetType;
import java.util.List;

/**
 * Which assets a user-defined KPI counts. Every field but {@code types} may be null (no
 * restriction).
 *
 * @param types asset types counted: tables and views by default; columns, jobs and metrics allowed
 * @param warehouse a warehouse name
 * @param schema a schema as {@code warehouse.schema}
 * @param domain a domain name
 * @param tag a tag name the asset carries (any source)
 * @param owner an owner id ({@code user:alice}, {@code group:crm})
 */
public record AssetFilter(List<AssetType> types, String warehouse, String schema, String domain, String tag, String owner) {
    private static final List<AssetType> ALLOWED =
            List.of(AssetType.TABLE, AssetType.VIEW, AssetType.COLUMN, AssetType.JOB, AssetType.METRIC);

    public AssetFilter {
        types = types == null || types.isEmpty() ? List.of(AssetType.TABLE, AssetType.VIEW) : List.copyOf(types);
        for (AssetType type : types) {
            if (!ALLOWED.contains(requireNonNull(type, "a type is null"))) {
                throw CatalogException.invalid("filter.types", "a KPI counts tables, views, columns, jobs or metrics, not " + type.value() + "s");
            }
        }
        if (schema != null) {
            List<String> parts = AssetId.parseQualifiedName(schema);
            if (parts.size() != 2) {
                throw CatalogException.invalid("filter.schema", "is warehouse.schema, e.g. demo.retail; was '" + schema + "'");
            }
        }
        if (owner != null) {
            AssetId id = AssetId.parse(owner);
            if (id.type() != AssetType.USER && id.type() != AssetType.GROUP) {
                throw CatalogException.invalid("filter.owner", "is a user or group id such as group:crm; was '" + owner + "'");
            }
        }
    }

    /** The schema's identifier ({@code schema:demo.retail}), or null. */
    public String schemaId() {
        return schema == null ? null : AssetId.of(AssetType.SCHEMA, AssetId.parseQualifiedName(schema).toArray(String[]::new)).toString();
    }
}

package io.zhongtai.service.lineage.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zhongtai.core.Actor;
import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.TextPosition;
import io.zhongtai.core.asset.Asset;
import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.asset.AssetPatch;
import io.zhongtai.core.asset.AssetType;
import io.zhongtai.core.asset.CatalogStore;
import io.zhongtai.core.asset.Classification;
import io.zhongtai.core.asset.OwnerRef;
import io.zhongtai.core.asset.TagAssignment;
import io.zhongtai.core.asset.TagSource;
import io.zhongtai.core.lineage.LineageStore;
import io.zhongtai.core.lineage.SqlLineageExtractor;
import io.zhongtai.core.security.IdentityStore;
import io.zhongtai.core.warehouse.Warehouse;
import io.zhongtai.core.warehouse.WarehouseStore;
import io.zhongtai.crawlers.dbt.DbtImportPlanner;
import io.zhongtai.crawlers.dbt.DbtManifest;
import io.zhongtai.crawlers.dbt.DbtManifests;
import io.zhongtai.crawlers.openlineage.DataSourceLocation;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Imports a dbt project ({@code POST /api/v1/dbt/import?warehouse=}) into a registered
 * warehouse: the jobs and column edges the {@link DbtImportPlanner} plans are put with origin
 * DBT (datasets the catalog does not hold yet are created as external assets from the project's
 * documentation), then descriptions, owners and tags are applied through the catalog's curated
 * edit, attributed to the caller. Owners and tags are added to those an asset has, never taken
 * away; a description that equals the one shown already is left alone.
 */
@Singleton
public class DbtImportService {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_WARNINGS = 50;

    /** What an import did. */
    public record Result(
            String warehouse,
            String project,
            DbtImportPlanner.Summary manifest,
            int jobsChanged,
            int assetsCurated,
            int assetsMissing,
            int tagsCreated,
            List<String> warnings) {}

    private final WarehouseStore warehouses;
    private final CatalogStore catalog;
    private final LineageStore lineage;
    private final IdentityStore identities;
    private final DbtImportPlanner planner;

    public DbtImportService(
            WarehouseStore warehouses,
            CatalogStore catalog,
            LineageStore lineage,
            IdentityStore identities,
            SqlLineageExtractor extractor) {
        this.warehouses = warehouses;
        this.catalog = catalog;
        this.lineage = lineage;
        this.identities = identities;
        this.planner = new DbtImportPlanner(extractor);
    }

    /**
     * @param body the manifest.json itself, or {@code {"manifest": {...}, "catalog": {...}}} with
     *     the catalog.json beside it
     */
    public Result importProject(String warehouseName, String body, Actor actor) {
        if (warehouseName == null || warehouseName.isBlank()) {
            throw CatalogException.invalid("warehouse", "is required: the registered warehouse the dbt project builds");
        }
        Warehouse warehouse = warehouses.find(warehouseName).orElseThrow(() -> new CatalogException(
                ErrorCode.WAREHOUSE_NOT_FOUND, "No warehouse named '" + warehouseName + "' is registered"));
        DbtManifest manifest = manifest(body);
        CatalogDatasets datasets = new CatalogDatasets(catalog);
        DbtImportPlanner.Plan plan = planner.plan(
                manifest, warehouse.name(), warehouse.dialect(), dbtDatabase(warehouse), datasets::find);
        List<String> warnings = new ArrayList<>(plan.warnings());
        int jobsChanged = 0;
        for (DbtImportPlanner.PlannedJob job : plan.jobs()) {
            boolean existed = lineage.findJob(job.lineage().job()).filter(stored -> stored.equals(job.lineage())).isPresent();
            lineage.putJob(job.lineage(), job.sketches(), actor);
            if (!existed) {
                jobsChanged++;
            }
        }
        Curator curator = new Curator(actor, warnings);
        int curated = 0;
        int missing = 0;
        for (DbtImportPlanner.Curation curation : plan.curations()) {
            Optional<Asset> asset = catalog.findAsset(curation.asset())
                    .map(detail -> detail.asset())
                    .filter(found -> !found.deleted());
            if (asset.isEmpty()) {
                missing++;
                warn(warnings, curation.asset() + " is not in the catalog; its dbt documentation was not applied");
                continue;
            }
            if (curator.apply(asset.get(), curation)) {
                curated++;
            }
        }
        return new Result(
                warehouse.name(),
                manifest.projectName(),
                plan.summary(),
                jobsChanged,
                curated,
                missing,
                curator.tagsCreated,
                warnings.size() > MAX_WARNINGS ? warnings.subList(0, MAX_WARNINGS) : warnings);
    }

    private static DbtManifest manifest(String body) {
        if (body == null || body.isBlank()) {
            throw new CatalogException(
                    ErrorCode.INVALID_REQUEST,
                    "The request needs a body: the manifest.json, or {\"manifest\": {...}, \"catalog\": {...}}");
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            TextPosition position = e.getLocation() == null || e.getLocation().getLineNr() < 1
                    ? null
                    : new TextPosition(e.getLocation().getLineNr(), Math.max(1, e.getLocation().getColumnNr()));
            throw new CatalogException(
                    ErrorCode.INVALID_REQUEST,
                    "Malformed JSON" + (position == null ? "" : " at line " + position.line() + ", column " + position.column())
                            + ": " + e.getOriginalMessage(),
                    position,
                    e);
        }
        if (tree != null && tree.isObject() && tree.has("manifest")) {
            return DbtManifests.parse(tree.get("manifest"), tree.get("catalog"));
        }
        return DbtManifests.parse(tree, null);
    }

    /**
     * The database dbt names for this warehouse: the database of a PostgreSQL URL, the file's
     * name without extension for DuckDB and H2 (DuckDB's catalog name), none for MySQL and MariaDB
     * (whose databases are schemas).
     */
    static String dbtDatabase(Warehouse warehouse) {
        return DataSourceLocation.ofJdbcUrl(warehouse.jdbcUrl(), warehouse.username())
                .map(location -> switch (location.family()) {
                    case POSTGRES -> location.database();
                    case MYSQL -> null;
                    case DUCKDB, H2 -> {
                        String database = location.database();
                        if (database == null || database.startsWith("mem:")) {
                            yield database == null ? null : database.substring(4);
                        }
                        String file = Path.of(database).getFileName().toString();
                        int dot = file.indexOf('.');
                        yield dot > 0 ? file.substring(0, dot) : file;
                    }
                })
                .orElse(null);
    }

    private static void warn(List<String> warnings, String warning) {
        if (warnings.size() <= MAX_WARNINGS) {
            warnings.add(warning);
        }
    }

    /** Applies curations, resolving owners and creating missing tags once per import. */
    private final class Curator {
        private final Actor actor;
        private final List<String> warnings;
        private final Map<String, Optional<AssetId>> owners = new HashMap<>();
        private final Map<String, Boolean> tags = new HashMap<>();
        int tagsCreated;

        Curator(Actor actor, List<String> warnings) {
            this.actor = actor;
            this.warnings = warnings;
        }

        boolean apply(Asset asset, DbtImportPlanner.Curation curation) {
            Optional<Optional<String>> description = Optional.empty();
            if (curation.description() != null && !curation.description().equals(asset.description())) {
                description = Optional.of(Optional.of(curation.description()));
            }
            Optional<List<AssetId>> newOwners = Optional.empty();
            if (curation.owner() != null) {
                Optional<AssetId> owner = owner(curation.owner());
                List<AssetId> current = asset.owners().stream().map(OwnerRef::id).toList();
                if (owner.isPresent() && !current.contains(owner.get())) {
                    List<AssetId> all = new ArrayList<>(current);
                    all.add(owner.get());
                    newOwners = Optional.of(all);
                }
            }
            Optional<List<TagAssignment>> newTags = Optional.empty();
            List<String> missingTags = curation.tags().stream()
                    .filter(name -> asset.tags().stream().noneMatch(tag -> tag.name().equals(name)))
                    .filter(this::ensureTag)
                    .toList();
            if (!missingTags.isEmpty()) {
                List<TagAssignment> manual = new ArrayList<>(
                        asset.tags().stream().filter(tag -> tag.source() == TagSource.MANUAL).toList());
                missingTags.forEach(name -> manual.add(new TagAssignment(name, null, TagSource.MANUAL)));
                newTags = Optional.of(manual);
            }
            AssetPatch patch = new AssetPatch(description, newOwners, newTags, Optional.empty(), Optional.empty());
            if (patch.isEmpty()) {
                return false;
            }
            catalog.patchAsset(asset.id(), patch, actor);
            return true;
        }

        /** {@code user:x} or {@code group:x} as written, else a user of that name, else a group. */
        private Optional<AssetId> owner(String name) {
            return owners.computeIfAbsent(name, key -> {
                Optional<AssetId> found;
                if (key.startsWith("user:") || key.startsWith("group:")) {
                    AssetId id = AssetId.parse(key);
                    boolean exists = id.type() == AssetType.USER
                            ? identities.findUser(id.name()).isPresent()
                            : identities.findGroup(id.name()).isPresent();
                    found = exists ? Optional.of(id) : Optional.empty();
                } else if (identities.findUser(key).isPresent()) {
                    found = Optional.of(AssetId.of(AssetType.USER, key));
                } else if (identities.findGroup(key).isPresent()) {
                    found = Optional.of(AssetId.of(AssetType.GROUP, key));
                } else {
                    found = Optional.empty();
                }
                if (found.isEmpty()) {
                    warn(warnings, "Owner '" + key + "' (meta.owner) is no user or group here; it was not applied");
                }
                return found;
            });
        }

        /** True when the tag exists or was created now. */
        private boolean ensureTag(String name) {
            return tags.computeIfAbsent(name, key -> {
                AssetId id = AssetId.of(AssetType.TAG, key);
                if (catalog.findClassification(id).isPresent()) {
                    return true;
                }
                String description = key.startsWith(DbtImportPlanner.PREFIX)
                        ? "The dbt test " + key.substring(DbtImportPlanner.PREFIX.length()) + " checks this asset"
                        : "A tag from the dbt project";
                try {
                    catalog.createClassification(new Classification(id, description, List.of(), List.of(), 0, null, 0), actor);
                    tagsCreated++;
                    return true;
                } catch (CatalogException e) {
                    if (e.code() == ErrorCode.ALREADY_EXISTS) {
                        return true;
                    }
                    warn(warnings, "Tag '" + key + "' could not be created: " + e.getMessage());
                    return false;
                }
            });
        }
    }
}

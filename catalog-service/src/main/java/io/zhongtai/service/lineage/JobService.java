package io.zhongtai.service.lineage;

import io.zhongtai.core.Actor;
import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.asset.AssetType;
import io.zhongtai.core.asset.CatalogStore;
import io.zhongtai.core.lineage.JobLineage;
import io.zhongtai.core.lineage.LineageOrigin;
import io.zhongtai.core.lineage.LineageStore;
import io.zhongtai.core.lineage.SqlLineage;
import io.zhongtai.core.lineage.SqlLineageExtractor;
import io.zhongtai.core.lineage.SqlLineageMapper;
import io.zhongtai.core.lineage.SqlLineageRequest;
import io.zhongtai.core.warehouse.Dialect;
import io.zhongtai.core.warehouse.Warehouse;
import io.zhongtai.core.warehouse.WarehouseStore;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQL lineage for the API: parsing a statement or script on request (storing nothing), and jobs
 * registered with their SQL, whose lineage is read with the catalog's knowledge of the target
 * warehouse and written to the graph.
 */
@Singleton
public class JobService {
    private static final Pattern JOB_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_\\-]{0,127}");
    private static final Pattern MYSQL_DATABASE = Pattern.compile("jdbc:(?:mysql|mariadb)://[^/]+/([^?;]+)");

    private final SqlLineageExtractor extractor;
    private final CatalogStore catalog;
    private final LineageStore lineage;
    private final WarehouseStore warehouses;

    public JobService(SqlLineageExtractor extractor, CatalogStore catalog, LineageStore lineage, WarehouseStore warehouses) {
        this.extractor = extractor;
        this.catalog = catalog;
        this.lineage = lineage;
        this.warehouses = warehouses;
    }

    /**
     * The lineage of SQL as API.md's {@code POST /api/v1/lineage/sql} defines it. With a
     * registered warehouse named (or named as the default database), {@code SELECT *} over its
     * known tables is expanded from the catalog.
     */
    public SqlLineage parse(SqlLineageRequest request, String warehouse) {
        String known = warehouse != null ? warehouse : request.defaultDatabase();
        if (warehouse != null) {
            requireWarehouse(warehouse);
        }
        if (known != null && warehouses.find(known).isPresent()) {
            return extractor.extract(request, new CatalogSchemas(catalog, known).schemaCatalog());
        }
        return extractor.extract(request);
    }

    /** What a caller gives to register or replace a job. */
    public record JobRequest(String name, String warehouse, String sql, String dialect, String defaultSchema, String description) {}

    /** A job after writing: its lineage as stored, its version and what the parser could not know. */
    public record JobOutcome(JobLineage job, long version, List<String> warnings) {}

    /**
     * Registers a job, or replaces the SQL of the job of that name: its lineage replaces the
     * previous one and the job gets a new version when anything changed.
     */
    public JobOutcome put(JobRequest request, Actor actor) {
        if (request.name() == null || !JOB_NAME.matcher(request.name()).matches()) {
            throw CatalogException.invalid(
                    "name", "is 1 to 128 letters, digits, '_' or '-', starting with a letter, digit or '_'; was '" + request.name() + "'");
        }
        if (request.warehouse() == null || request.warehouse().isBlank()) {
            throw CatalogException.invalid("warehouse", "is required: the registered warehouse the job runs on");
        }
        if (request.sql() == null || request.sql().isBlank()) {
            throw CatalogException.invalid("sql", "is required: the job's statement or script");
        }
        Warehouse warehouse = requireWarehouse(request.warehouse());
        Dialect dialect = request.dialect() == null ? warehouse.dialect() : Dialect.fromValue(request.dialect());
        String defaultSchema = request.defaultSchema() != null ? request.defaultSchema() : defaultSchema(warehouse);
        CatalogSchemas schemas = new CatalogSchemas(catalog, warehouse.name());
        SqlLineage parsed = extractor.extract(
                new SqlLineageRequest(request.sql(), dialect, null, defaultSchema), schemas.schemaCatalog());
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("sql", request.sql());
        properties.put("dialect", dialect.value());
        if (defaultSchema != null) {
            properties.put("defaultSchema", defaultSchema);
        }
        AssetId id = AssetId.of(AssetType.JOB, warehouse.name(), request.name());
        JobLineage job = SqlLineageMapper.toJob(
                id, LineageOrigin.SQL, blankToNull(request.description()), properties, parsed, schemas.resolver(defaultSchema));
        long version = lineage.putJob(job, List.of(), actor);
        return new JobOutcome(job, version, parsed.warnings());
    }

    private Warehouse requireWarehouse(String name) {
        return warehouses.find(name).orElseThrow(() -> new CatalogException(
                ErrorCode.WAREHOUSE_NOT_FOUND, "No warehouse '" + name + "' is registered; see GET /api/v1/warehouses"));
    }

    /** The schema an unqualified table name means on the warehouse, when its engine fixes one. */
    static String defaultSchema(Warehouse warehouse) {
        return switch (warehouse.dialect()) {
            case DUCKDB -> "main";
            case POSTGRES -> "public";
            case H2 -> "public";
            case MYSQL, MARIADB -> {
                Matcher matcher = MYSQL_DATABASE.matcher(warehouse.jdbcUrl());
                yield matcher.find() ? matcher.group(1).toLowerCase(Locale.ROOT) : null;
            }
            default -> null;
        };
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

package io.zhongtai.service.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.zhongtai.core.warehouse.Warehouse;
import java.time.Instant;
import java.util.List;

/** A registered warehouse as the API shows it: never the password, only whether one is set. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record WarehouseView(
        String name,
        String jdbcUrl,
        String username,
        boolean hasPassword,
        String dialect,
        List<String> includeSchemas,
        List<String> excludeSchemas,
        List<String> includeTables,
        List<String> excludeTables,
        boolean profileColumns,
        int profileSampleRows,
        double maxRemovalShare,
        String schedule,
        Instant createdAt,
        Instant updatedAt) {
    static WarehouseView of(Warehouse warehouse) {
        return new WarehouseView(
                warehouse.name(),
                warehouse.jdbcUrl(),
                warehouse.username(),
                warehouse.encryptedPassword() != null,
                warehouse.dialect().value(),
                warehouse.crawl().includeSchemas(),
                warehouse.crawl().excludeSchemas(),
                warehouse.crawl().includeTables(),
                warehouse.crawl().excludeTables(),
                warehouse.crawl().profileColumns(),
                warehouse.crawl().profileSampleRows(),
                warehouse.crawl().maxRemovalShare(),
                warehouse.schedule(),
                warehouse.createdAt(),
                warehouse.updatedAt());
    }
}

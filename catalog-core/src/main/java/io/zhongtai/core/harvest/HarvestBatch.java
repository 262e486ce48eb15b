package io.zhongtai.core.harvest;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Everything one crawl read from one warehouse. The store compares it with what it holds and
 * writes only the difference, so applying the same batch twice changes nothing.
 */
public record HarvestBatch(String warehouse, List<HarvestedSchema> schemas) {
    public HarvestBatch {
        requireNonNull(warehouse, "warehouse is null");
        schemas = List.copyOf(requireNonNull(schemas, "schemas is null"));
    }

    public int tableCount() {
        return schemas.stream().mapToInt(schema -> schema.tables().size()).sum();
    }
}

package io.zhongtai.core.harvest;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;

/**
 * Everything one crawl read from one warehouse. The store compares it with what it holds and
 * writes only the difference, so applying the same batch twice changes nothing.
 *
 * @param unread tables ({@code schema.table}) that exist but could not be read this time (they
 *     vanished mid-crawl, or a permission is missing): the store keeps them as they were rather
 *     than taking them for removed
 * @param warnings lines for the crawl's log about what was skipped and why
 */
public record HarvestBatch(String warehouse, List<HarvestedSchema> schemas, Set<String> unread, List<String> warnings) {
    public HarvestBatch {
        requireNonNull(warehouse, "warehouse is null");
        schemas = List.copyOf(requireNonNull(schemas, "schemas is null"));
        unread = Set.copyOf(requireNonNull(unread, "unread is null"));
        warnings = List.copyOf(requireNonNull(warnings, "warnings is null"));
    }

    public HarvestBatch(String warehouse, List<HarvestedSchema> schemas) {
        this(warehouse, schemas, Set.of(), List.of());
    }

    public int tableCount() {
        return schemas.stream().mapToInt(schema -> schema.tables().size()).sum();
    }
}

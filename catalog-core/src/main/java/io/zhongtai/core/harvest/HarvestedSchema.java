package io.zhongtai.core.harvest;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A schema as a harvester read it, with its tables and views. */
public record HarvestedSchema(String name, String description, List<HarvestedTable> tables) {
    public HarvestedSchema {
        requireNonNull(name, "name is null");
        tables = List.copyOf(requireNonNull(tables, "tables is null"));
    }
}

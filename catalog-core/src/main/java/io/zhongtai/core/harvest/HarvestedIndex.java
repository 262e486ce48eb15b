package io.zhongtai.core.harvest;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** An index of a table: its name, its columns in order, and whether it is unique. */
public record HarvestedIndex(String name, List<String> columns, boolean unique) {
    public HarvestedIndex {
        requireNonNull(name, "name is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
    }
}

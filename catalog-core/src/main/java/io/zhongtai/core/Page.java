package io.zhongtai.core;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.function.Function;

/** One page of a list, as every list endpoint answers it. */
public record Page<T>(List<T> items, int page, int size, long total) {
    public Page {
        items = List.copyOf(requireNonNull(items, "items is null"));
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }
}

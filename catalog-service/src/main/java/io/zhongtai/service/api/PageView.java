package io.zhongtai.service.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.zhongtai.core.Page;
import java.util.List;
import java.util.function.Function;

/** A page as every list endpoint answers it: {@code {"items", "page", "size", "total"}}. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PageView<T>(List<T> items, int page, int size, long total) {
    public static <S, T> PageView<T> of(Page<S> page, Function<S, T> mapper) {
        return new PageView<>(page.items().stream().map(mapper).toList(), page.page(), page.size(), page.total());
    }
}

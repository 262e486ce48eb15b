package io.zhongtai.metrics.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One known value of a categorical dimension with its labels: {@code online} is 线上,
 * {@code vip} is VIP客户 and 会员.
 *
 * @param value the value as stored in the warehouse
 * @param labelZh its Chinese label, or null
 * @param synonyms further names of the value in either language
 */
public record DimensionValue(String value, String labelEn, String labelZh, List<String> synonyms) {
    public DimensionValue {
        requireNonNull(value, "value is null");
        synonyms = List.copyOf(synonyms == null ? List.of() : synonyms);
    }
}

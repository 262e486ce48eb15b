package io.zhongtai.metrics.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Row- and column-level permissions for the holders of a role or the members of a group. The
 * compiled SQL enforces it: every row filter is added to every aggregation the subject's query
 * makes; hidden dimensions and metrics cannot be asked for (nor used in filters); masked
 * dimensions answer a fixed mask instead of their values.
 *
 * @param subject {@code role:analyst} or {@code group:east-sales}
 * @param rowFilters filter-language expressions; {@code user_attribute('region')} reads the
 *     caller's attribute as a bound value ({@code region = user_attribute('region')})
 */
public record AccessPolicy(
        String name,
        String subject,
        List<String> rowFilters,
        List<String> hiddenDimensions,
        List<String> maskedDimensions,
        List<String> hiddenMetrics) {
    public AccessPolicy {
        requireNonNull(name, "name is null");
        requireNonNull(subject, "subject is null");
        rowFilters = List.copyOf(rowFilters == null ? List.of() : rowFilters);
        hiddenDimensions = List.copyOf(hiddenDimensions == null ? List.of() : hiddenDimensions);
        maskedDimensions = List.copyOf(maskedDimensions == null ? List.of() : maskedDimensions);
        hiddenMetrics = List.copyOf(hiddenMetrics == null ? List.of() : hiddenMetrics);
    }
}

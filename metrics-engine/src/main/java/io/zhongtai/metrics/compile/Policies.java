package io.zhongtai.metrics.compile;

import io.zhongtai.metrics.model.AccessPolicy;
import io.zhongtai.metrics.query.Caller;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The access policies that apply to one caller: those naming the caller's role, one of its
 * groups, or the caller itself. Row filters all apply (all must hold); hidden and masked
 * dimensions and hidden metrics add up.
 */
record Policies(List<ParsedFilter> rowFilters, Map<String, String> hiddenDimensions,
        Map<String, String> maskedDimensions, Map<String, String> hiddenMetrics) {

    static Policies forCaller(List<AccessPolicy> policies, Caller caller) {
        List<ParsedFilter> rowFilters = new ArrayList<>();
        Map<String, String> hiddenDimensions = new LinkedHashMap<>();
        Map<String, String> maskedDimensions = new LinkedHashMap<>();
        Map<String, String> hiddenMetrics = new LinkedHashMap<>();
        for (AccessPolicy policy : policies) {
            if (!applies(policy.subject(), caller)) {
                continue;
            }
            for (int i = 0; i < policy.rowFilters().size(); i++) {
                rowFilters.add(ParsedFilter.parse(policy.rowFilters().get(i),
                        "policy " + policy.name() + " row_filters[" + i + "]", true));
            }
            policy.hiddenDimensions().forEach(d -> hiddenDimensions.putIfAbsent(d, policy.name()));
            policy.maskedDimensions().forEach(d -> maskedDimensions.putIfAbsent(d, policy.name()));
            policy.hiddenMetrics().forEach(m -> hiddenMetrics.putIfAbsent(m, policy.name()));
        }
        return new Policies(List.copyOf(rowFilters), hiddenDimensions, maskedDimensions, hiddenMetrics);
    }

    static boolean applies(String subject, Caller caller) {
        int colon = subject.indexOf(':');
        String kind = subject.substring(0, colon);
        String name = subject.substring(colon + 1);
        return switch (kind) {
            case "role" -> caller.role().value().equals(name);
            case "group" -> caller.groups().contains(name);
            case "user" -> caller.user().equals(name);
            default -> false;
        };
    }
}

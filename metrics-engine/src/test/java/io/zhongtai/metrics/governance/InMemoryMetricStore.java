package io.zhongtai.metrics.governance;

import io.zhongtai.core.Actor;
import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.metrics.MetricStore;
import io.zhongtai.core.metrics.StoredDefinition;
import io.zhongtai.core.metrics.StoredMetric;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A hand-written fake of the store port for unit tests of the registry's logic (the Neo4j adapter has its own tests). */
final class InMemoryMetricStore implements MetricStore {
    private final Map<String, List<StoredMetric>> versions = new TreeMap<>();
    private final Map<String, StoredDefinition> definitions = new TreeMap<>();

    @Override
    public synchronized List<StoredMetric> latest() {
        return versions.values().stream().map(v -> v.get(v.size() - 1)).toList();
    }

    @Override
    public synchronized List<StoredMetric> versions(String metric) {
        List<StoredMetric> all = new ArrayList<>(versions.getOrDefault(metric, List.of()));
        all.sort(Comparator.comparingInt(StoredMetric::version).reversed());
        return all;
    }

    @Override
    public synchronized void append(StoredMetric version, Actor actor) {
        List<StoredMetric> list = versions.computeIfAbsent(version.name(), n -> new ArrayList<>());
        if (version.version() != list.size() + 1) {
            throw new CatalogException(ErrorCode.ALREADY_EXISTS, "version " + version.version() + " of " + version.name()
                    + " conflicts; latest is " + list.size());
        }
        list.add(version);
    }

    @Override
    public synchronized List<StoredDefinition> definitions() {
        return new ArrayList<>(definitions.values());
    }

    @Override
    public synchronized void putDefinitions(List<StoredDefinition> put, List<String> removed, Actor actor) {
        put.forEach(d -> definitions.put(d.kind() + ":" + d.name(), d));
        removed.forEach(definitions::remove);
    }
}

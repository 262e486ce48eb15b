package io.zhongtai.metrics.semantic;

import io.zhongtai.metrics.model.Aggregation;
import io.zhongtai.metrics.model.Dimension;
import io.zhongtai.metrics.model.Entity;
import io.zhongtai.metrics.model.SemanticManifest;
import io.zhongtai.metrics.model.SemanticModel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The join graph of a manifest: semantic models are nodes, and two models of one project that
 * share an entity are joined on it. Joining towards a model where the entity is unique never multiplies rows;
 * joining towards one where it repeats fans out.
 *
 * <p>Which dimensions a measure reaches:
 * <ul>
 *   <li>every dimension of its own model and of every model reached by many-to-one joins alone,
 *       along the shortest path, more than two hops where that path is the only shortest one;
 *   <li>a measure whose aggregation ignores repeated rows (count distinct, min, max) also reaches
 *       the categorical dimensions behind one one-to-many join taken first, then many-to-one
 *       joins: the orders that contain a Beauty item are counted once under Beauty;
 *   <li>a dimension with two shortest paths is ambiguous and reached by neither.
 * </ul>
 * Immutable and thread-safe; paths are computed once per model and kept.
 */
public final class SemanticGraph {
    private final SemanticManifest manifest;
    private final Map<String, SemanticModel> models = new LinkedHashMap<>();
    private final Map<String, List<JoinHop>> edges = new HashMap<>();
    private final Map<String, Map<String, Reach>> safeReach = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Reach>> fanOutReach = new ConcurrentHashMap<>();
    private final Map<String, Map<String, DimensionRef>> reachable = new ConcurrentHashMap<>();

    /** How a model is reached from another: one shortest path, or several (ambiguous). */
    public record Reach(JoinPath path, List<JoinPath> alternatives) {
        public boolean ambiguous() {
            return !alternatives.isEmpty();
        }
    }

    public SemanticGraph(SemanticManifest manifest) {
        this.manifest = manifest;
        for (SemanticModel model : manifest.models()) {
            models.putIfAbsent(model.name(), model);
        }
        for (SemanticModel model : models.values()) {
            edges.put(model.name(), new ArrayList<>());
        }
        for (SemanticModel from : models.values()) {
            for (Entity fromEntity : from.entities()) {
                for (SemanticModel to : models.values()) {
                    if (to == from || !java.util.Objects.equals(from.project(), to.project())) {
                        continue;
                    }
                    to.entity(fromEntity.name()).ifPresent(toEntity -> {
                        if (toEntity.type().isUnique()) {
                            edges.get(from.name()).add(new JoinHop(from, fromEntity, to, toEntity, false));
                        } else if (fromEntity.type().isUnique()) {
                            edges.get(from.name()).add(new JoinHop(from, fromEntity, to, toEntity, true));
                        }
                        // foreign on both sides: many-to-many, never joined
                    });
                }
            }
        }
    }

    public SemanticManifest manifest() {
        return manifest;
    }

    public SemanticModel model(String name) {
        return models.get(name);
    }

    /** Models reached from {@code source} by many-to-one joins only (the source itself included). */
    public Map<String, Reach> safeReach(SemanticModel source) {
        return safeReach.computeIfAbsent(source.name(), n -> search(source, false));
    }

    /**
     * Models reached from {@code source} through one one-to-many join taken first and then
     * many-to-one joins, that are not already reached by many-to-one joins alone.
     */
    public Map<String, Reach> fanOutReach(SemanticModel source) {
        return fanOutReach.computeIfAbsent(source.name(), n -> search(source, true));
    }

    /**
     * Breadth-first search counting shortest paths. With {@code fanOutFirst}, the first hop must
     * fan out and the following ones must not.
     */
    private Map<String, Reach> search(SemanticModel source, boolean fanOutFirst) {
        Map<String, Integer> depth = new HashMap<>();
        Map<String, List<JoinPath>> paths = new LinkedHashMap<>();
        Deque<JoinPath> queue = new ArrayDeque<>();
        JoinPath start = new JoinPath(source, List.of());
        depth.put(source.name(), 0);
        if (!fanOutFirst) {
            paths.put(source.name(), new ArrayList<>(List.of(start)));
        }
        queue.add(start);
        while (!queue.isEmpty()) {
            JoinPath current = queue.poll();
            SemanticModel at = current.target();
            for (JoinHop hop : edges.getOrDefault(at.name(), List.of())) {
                boolean firstHop = current.hops().isEmpty();
                boolean allowed = fanOutFirst ? hop.fanOut() == firstHop : !hop.fanOut();
                if (!allowed) {
                    continue;
                }
                String target = hop.to().name();
                int nextDepth = current.hops().size() + 1;
                Integer known = depth.get(target);
                if (known != null && known < nextDepth) {
                    continue;
                }
                List<JoinHop> hops = new ArrayList<>(current.hops());
                hops.add(hop);
                JoinPath next = new JoinPath(source, hops);
                if (known == null) {
                    depth.put(target, nextDepth);
                    paths.put(target, new ArrayList<>(List.of(next)));
                    queue.add(next);
                } else {
                    // another shortest path to the same model
                    paths.get(target).add(next);
                }
            }
        }
        Map<String, Reach> reach = new LinkedHashMap<>();
        Map<String, Reach> safe = fanOutFirst ? safeReach(source) : Map.of();
        for (Map.Entry<String, List<JoinPath>> entry : paths.entrySet()) {
            if (safe.containsKey(entry.getKey())) {
                continue;
            }
            List<JoinPath> found = entry.getValue();
            reach.put(entry.getKey(), new Reach(found.get(0), List.copyOf(found.subList(1, found.size()))));
        }
        return Collections.unmodifiableMap(reach);
    }

    /**
     * Every dimension a measure of {@code source} with aggregation {@code agg} can reach without
     * double counting, unambiguously, by the dimension's name. A name held by dimensions of two
     * reachable models is kept under the name of the nearer one only if it is strictly nearer.
     */
    public Map<String, DimensionRef> reachableDimensions(SemanticModel source, Aggregation agg) {
        boolean fanOut = agg.isDuplicateInsensitive();
        return reachable.computeIfAbsent(source.name() + (fanOut ? "+" : "-"),
                key -> Collections.unmodifiableMap(computeReachable(source, fanOut)));
    }

    private Map<String, DimensionRef> computeReachable(SemanticModel source, boolean fanOut) {
        Map<String, DimensionRef> out = new LinkedHashMap<>();
        Map<String, Integer> distance = new HashMap<>();
        Map<String, Boolean> clash = new HashMap<>();
        collect(safeReach(source), false, out, distance, clash);
        if (fanOut) {
            collect(fanOutReach(source), true, out, distance, clash);
        }
        clash.forEach((name, clashing) -> {
            if (clashing) {
                out.remove(name);
            }
        });
        return out;
    }

    private static void collect(
            Map<String, Reach> reach,
            boolean categoricalOnly,
            Map<String, DimensionRef> out,
            Map<String, Integer> distance,
            Map<String, Boolean> clash) {
        for (Reach r : reach.values()) {
            if (r.ambiguous()) {
                continue;
            }
            SemanticModel model = r.path().target();
            for (Dimension dimension : model.dimensions()) {
                if (categoricalOnly && dimension.isTime()) {
                    continue;
                }
                int hops = r.path().hops().size() + (categoricalOnly ? 100 : 0);
                Integer known = distance.get(dimension.name());
                if (known == null || hops < known) {
                    out.put(dimension.name(), new DimensionRef(model, dimension, r.path()));
                    distance.put(dimension.name(), hops);
                    clash.put(dimension.name(), false);
                } else if (hops == known) {
                    clash.put(dimension.name(), true);
                }
            }
        }
    }

    /** The shortest chain of joins of any kind from {@code source} to {@code target}, for explanations; null if none. */
    public JoinPath anyPath(SemanticModel source, String target) {
        Map<String, JoinPath> seen = new HashMap<>();
        Deque<JoinPath> queue = new ArrayDeque<>();
        JoinPath start = new JoinPath(source, List.of());
        seen.put(source.name(), start);
        queue.add(start);
        while (!queue.isEmpty()) {
            JoinPath current = queue.poll();
            if (current.target().name().equals(target)) {
                return current;
            }
            for (JoinHop hop : edges.getOrDefault(current.target().name(), List.of())) {
                if (!seen.containsKey(hop.to().name())) {
                    List<JoinHop> hops = new ArrayList<>(current.hops());
                    hops.add(hop);
                    JoinPath next = new JoinPath(source, hops);
                    seen.put(hop.to().name(), next);
                    queue.add(next);
                }
            }
        }
        return null;
    }

    /** Where a model is reached from {@code source}: by many-to-one joins, else by a fan-out path, else null. */
    public Reach reach(SemanticModel source, String targetModel, boolean allowFanOut) {
        Reach safe = safeReach(source).get(targetModel);
        if (safe != null || !allowFanOut) {
            return safe;
        }
        return fanOutReach(source).get(targetModel);
    }
}

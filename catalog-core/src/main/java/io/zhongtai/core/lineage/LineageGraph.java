package io.zhongtai.core.lineage;

import static java.util.Objects.requireNonNull;

import io.zhongtai.core.asset.AssetId;
import java.util.List;

/**
 * The answer to a {@link LineageQuery} (API.md: nodes and edges).
 *
 * @param nodes every asset reached, the start first, each once
 * @param edges the flows between them, {@code from} upstream of {@code to}
 * @param truncated the nodes whose neighbours were cut by the fan-out budget, with how many
 *     there were in that direction
 */
public record LineageGraph(List<LineageNode> nodes, List<LineageEdge> edges, List<Truncation> truncated) {
    public LineageGraph {
        nodes = List.copyOf(requireNonNull(nodes, "nodes is null"));
        edges = List.copyOf(requireNonNull(edges, "edges is null"));
        truncated = List.copyOf(requireNonNull(truncated, "truncated is null"));
    }

    /**
     * An asset on the walk.
     *
     * @param hops how far from the start, upstream negative, downstream positive
     * @param owners owner ids ({@code user:alice}, {@code group:crm})
     * @param deleted true when a crawl no longer found it
     */
    public record LineageNode(
            AssetId id, String name, String description, int hops, List<String> owners, List<String> tags, boolean deleted) {
        public LineageNode {
            requireNonNull(id, "id is null");
            owners = List.copyOf(owners);
            tags = List.copyOf(tags);
        }
    }

    /**
     * One flow; {@code via} is the job that carries it, or null when no job is known (a view's
     * definition, a metric's measure).
     */
    public record LineageEdge(AssetId from, AssetId to, AssetId via) {
        public LineageEdge {
            requireNonNull(from, "from is null");
            requireNonNull(to, "to is null");
        }
    }

    /** A node whose neighbours in one direction exceeded the fan-out budget. */
    public record Truncation(AssetId node, LineageDirection direction, long total, int shown) {}
}

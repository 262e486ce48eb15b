package io.zhongtai.service.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.lineage.ColumnLineage;
import io.zhongtai.core.lineage.ImpactReport;
import io.zhongtai.core.lineage.JobLineage;
import io.zhongtai.core.lineage.LineageGraph;
import io.zhongtai.core.lineage.LineageRun;
import io.zhongtai.core.lineage.SqlLineage;
import io.zhongtai.core.lineage.StatementLineage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The JSON shapes of the lineage endpoints (API.md, "Lineage"). */
final class LineageViews {
    private LineageViews() {}

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ColumnView(String target, List<String> sources) {
        static ColumnView of(ColumnLineage column) {
            return new ColumnView(column.target(), column.sources());
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record PositionView(int line, int column) {}

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record StatementView(
            int number, PositionView start, String sql, List<String> inputs, List<String> outputs, List<ColumnView> columns,
            List<String> warnings) {
        static StatementView of(StatementLineage statement) {
            return new StatementView(
                    statement.number(),
                    new PositionView(statement.start().line(), statement.start().column()),
                    statement.sql(),
                    statement.inputs(),
                    statement.outputs(),
                    statement.columns().stream().map(ColumnView::of).toList(),
                    statement.warnings());
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record SqlLineageView(
            List<String> inputs, List<String> outputs, List<ColumnView> columns, List<StatementView> statements, List<String> warnings) {
        static SqlLineageView of(SqlLineage lineage) {
            return new SqlLineageView(
                    lineage.inputs(),
                    lineage.outputs(),
                    lineage.columns().stream().map(ColumnView::of).toList(),
                    lineage.statements().stream().map(StatementView::of).toList(),
                    lineage.warnings());
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record NodeView(
            String id, String type, String name, String qualifiedName, String description, int hops, List<String> owners,
            List<String> tags, boolean deleted) {}

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record EdgeView(String from, String to, String via) {}

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record TruncationView(String node, String direction, long total, int shown) {}

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record GraphView(List<NodeView> nodes, List<EdgeView> edges, List<TruncationView> truncated) {
        static GraphView of(LineageGraph graph) {
            return new GraphView(
                    graph.nodes().stream()
                            .map(node -> new NodeView(
                                    node.id().toString(),
                                    node.id().type().value(),
                                    node.name(),
                                    node.id().qualifiedName(),
                                    node.description(),
                                    node.hops(),
                                    node.owners(),
                                    node.tags(),
                                    node.deleted()))
                            .toList(),
                    graph.edges().stream()
                            .map(edge -> new EdgeView(edge.from().toString(), edge.to().toString(), text(edge.via())))
                            .toList(),
                    graph.truncated().stream()
                            .map(cut -> new TruncationView(cut.node().toString(), cut.direction().value(), cut.total(), cut.shown()))
                            .toList());
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ImpactedView(String id, String type, String name, int hops, List<String> owners, List<String> via) {
        static ImpactedView of(ImpactReport.ImpactedAsset asset) {
            return new ImpactedView(
                    asset.id().toString(),
                    asset.id().type().value(),
                    asset.name(),
                    asset.hops(),
                    asset.owners(),
                    asset.via().stream().map(AssetId::toString).toList());
        }
    }

    /** Assets of one type under one owner ({@code null}: nobody owns them). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ImpactGroup(String type, String owner, int count, List<ImpactedView> assets) {}

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ImpactView(
            String start, int depth, int total, Map<String, Integer> byType, List<ImpactGroup> groups, List<String> jobs,
            List<ImpactedView> assets) {
        static ImpactView of(ImpactReport report) {
            List<ImpactedView> assets = report.assets().stream().map(ImpactedView::of).toList();
            Map<String, Integer> byType = new TreeMap<>();
            Map<List<String>, List<ImpactedView>> grouped = new TreeMap<>((a, b) -> {
                int byKind = a.get(0).compareTo(b.get(0));
                return byKind != 0 ? byKind : a.get(1).compareTo(b.get(1));
            });
            for (ImpactedView asset : assets) {
                byType.merge(asset.type(), 1, Integer::sum);
                List<String> owners = asset.owners().isEmpty() ? java.util.Collections.singletonList("") : asset.owners();
                for (String owner : owners) {
                    grouped.computeIfAbsent(List.of(asset.type(), owner), k -> new ArrayList<>()).add(asset);
                }
            }
            List<ImpactGroup> groups = new ArrayList<>();
            grouped.forEach((key, members) ->
                    groups.add(new ImpactGroup(key.get(0), key.get(1).isEmpty() ? null : key.get(1), members.size(), members)));
            return new ImpactView(
                    report.start().toString(),
                    report.depth(),
                    assets.size(),
                    byType,
                    groups,
                    report.jobs().stream().map(AssetId::toString).toList(),
                    assets);
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record EdgeSummary(String source, String target) {}

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record RunView(String runId, String state, Instant at) {
        static RunView of(LineageRun run) {
            return new RunView(run.runId(), run.state(), run.at());
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record JobView(
            String id, String name, String warehouse, String origin, String description, Long version, Map<String, String> properties,
            List<String> inputs, List<String> outputs, List<EdgeSummary> columns, List<String> warnings, List<RunView> runs) {
        static JobView of(JobLineage job, Long version, List<String> warnings, List<LineageRun> runs) {
            return new JobView(
                    job.job().toString(),
                    job.job().name(),
                    job.job().warehouse(),
                    job.origin().value(),
                    job.description(),
                    version,
                    job.properties(),
                    job.inputs().stream().map(AssetId::toString).toList(),
                    job.outputs().stream().map(AssetId::toString).toList(),
                    job.columns().stream().map(edge -> new EdgeSummary(edge.source().toString(), edge.target().toString())).toList(),
                    warnings,
                    runs.stream().map(RunView::of).toList());
        }
    }

    private static String text(AssetId id) {
        return id == null ? null : id.toString();
    }
}

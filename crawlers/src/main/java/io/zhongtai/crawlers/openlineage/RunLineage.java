package io.zhongtai.crawlers.openlineage;

import static java.util.Objects.requireNonNull;

import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.lineage.ColumnEdge;
import io.zhongtai.core.lineage.JobLineage;
import io.zhongtai.core.lineage.LineageOrigin;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Decides what a job's lineage becomes after an event, from what is stored and what the events of
 * the same run have said. OpenLineage producers spread one run's lineage over several events (a
 * START with the inputs, a COMPLETE with the outputs and their column lineage), and heartbeats
 * name nothing, so:
 *
 * <ul>
 *   <li>the run's lineage is the union of all its events so far;
 *   <li>a COMPLETE event, and a job event (static lineage, no run), replace the job's lineage with
 *       that union: edges the job no longer has are removed;
 *   <li>any other event (START, RUNNING, FAIL, ABORT, OTHER) only adds to the stored lineage, so
 *       that a run in progress or a failed one removes nothing;
 *   <li>a run that has named no dataset leaves the lineage as it is.
 * </ul>
 *
 * The job's fields (description, properties) are the stored ones overlaid with the run's.
 */
public final class RunLineage {
    private RunLineage() {}

    /**
     * The job's lineage after {@code current}, or empty when nothing is to be written.
     *
     * @param stored the job's lineage as stored, or empty for a new job
     * @param earlier the earlier events of the same run, oldest first (empty for a job event)
     * @param current the event just received
     */
    public static Optional<JobLineage> after(
            Optional<JobLineage> stored, List<OpenLineageMapper.MappedEvent> earlier, OpenLineageMapper.MappedEvent current) {
        requireNonNull(stored, "stored is null");
        requireNonNull(current, "current is null");
        List<OpenLineageMapper.MappedEvent> run = new ArrayList<>(earlier);
        run.add(current);
        JobLineage union = null;
        for (OpenLineageMapper.MappedEvent event : run) {
            union = union == null ? event.lineage() : union(union, event.lineage(), event.lineage().origin());
        }
        boolean namesDatasets = run.stream().anyMatch(OpenLineageMapper.MappedEvent::namesDatasets);
        if (stored.isEmpty()) {
            return Optional.of(union);
        }
        if (!namesDatasets) {
            JobLineage fieldsOnly = withFields(stored.get(), stored.get(), union);
            return fieldsOnly.equals(stored.get()) ? Optional.empty() : Optional.of(fieldsOnly);
        }
        boolean replaces = current.event().isJobEvent() || "COMPLETE".equals(current.event().eventType());
        JobLineage edges = replaces ? union : union(stored.get(), union, union.origin());
        JobLineage result = withFields(edges, stored.get(), union);
        return result.equals(stored.get()) ? Optional.empty() : Optional.of(result);
    }

    /** The union of two lineages of one job: datasets, edges and properties (the second's win). */
    public static JobLineage union(JobLineage first, JobLineage second, LineageOrigin origin) {
        Set<AssetId> inputs = new LinkedHashSet<>(first.inputs());
        inputs.addAll(second.inputs());
        Set<AssetId> outputs = new LinkedHashSet<>(first.outputs());
        outputs.addAll(second.outputs());
        Set<ColumnEdge> columns = new LinkedHashSet<>(first.columns());
        columns.addAll(second.columns());
        Map<String, String> properties = new TreeMap<>(first.properties());
        properties.putAll(second.properties());
        return new JobLineage(
                first.job(),
                origin,
                second.description() != null ? second.description() : first.description(),
                properties,
                List.copyOf(inputs),
                List.copyOf(outputs),
                List.copyOf(columns));
    }

    private static JobLineage withFields(JobLineage edges, JobLineage stored, JobLineage run) {
        Map<String, String> properties = new TreeMap<>(stored.properties());
        properties.putAll(run.properties());
        return new JobLineage(
                edges.job(),
                run.origin(),
                run.description() != null ? run.description() : stored.description(),
                properties,
                edges.inputs(),
                edges.outputs(),
                edges.columns());
    }
}

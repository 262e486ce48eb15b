package io.zhongtai.crawlers.openlineage;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One OpenLineage run event (or job event, which has no run), reduced to what the catalog reads
 * from it, with its raw JSON text kept beside.
 *
 * @param eventType START, RUNNING, COMPLETE, FAIL, ABORT or OTHER; OTHER also when the event gives none
 * @param eventTime when it happened
 * @param producer the URI of the software that sent it
 * @param runId the run's id, or null for a job event
 * @param job the job
 * @param inputs the datasets read, in the event's order
 * @param outputs the datasets written, in the event's order
 * @param raw the event's JSON exactly as received
 */
public record OpenLineageEvent(
        String eventType,
        Instant eventTime,
        String producer,
        String runId,
        Job job,
        List<Dataset> inputs,
        List<Dataset> outputs,
        String raw) {
    /** The event types of the OpenLineage spec. */
    public static final List<String> EVENT_TYPES = List.of("START", "RUNNING", "COMPLETE", "FAIL", "ABORT", "OTHER");

    public OpenLineageEvent {
        requireNonNull(eventType, "eventType is null");
        requireNonNull(eventTime, "eventTime is null");
        requireNonNull(producer, "producer is null");
        requireNonNull(job, "job is null");
        inputs = List.copyOf(requireNonNull(inputs, "inputs is null"));
        outputs = List.copyOf(requireNonNull(outputs, "outputs is null"));
        requireNonNull(raw, "raw is null");
    }

    /** True for a job event: lineage without a run. */
    public boolean isJobEvent() {
        return runId == null;
    }

    /**
     * The job part of an event.
     *
     * @param description the documentation facet's description, or null
     * @param sql the SQL job facet's query, or null
     * @param sqlDialect the SQL job facet's dialect, or null
     * @param properties other facts about the job kept as its fields (the jobType facet's
     *     processingType, integration and jobType)
     */
    public record Job(
            String namespace, String name, String description, String sql, String sqlDialect, Map<String, String> properties) {
        public Job {
            requireNonNull(namespace, "namespace is null");
            requireNonNull(name, "name is null");
            properties = Map.copyOf(new TreeMap<>(requireNonNull(properties, "properties is null")));
        }
    }

    /**
     * An input or output dataset.
     *
     * @param description the documentation facet's description, or null
     * @param fields the schema facet's top-level fields, empty when it has none
     * @param columnLineage the columnLineage facet: each output field and the input fields its
     *     value derives from (inputs used only to filter, join, group or sort are left out); null
     *     when the dataset has no such facet
     */
    public record Dataset(
            String namespace,
            String name,
            String description,
            List<SchemaField> fields,
            Map<String, List<InputField>> columnLineage) {
        public Dataset {
            requireNonNull(namespace, "namespace is null");
            requireNonNull(name, "name is null");
            fields = List.copyOf(requireNonNull(fields, "fields is null"));
            columnLineage = columnLineage == null ? null : Map.copyOf(columnLineage);
        }
    }

    /** A field of a schema facet; type and description as the producer wrote them, or null. */
    public record SchemaField(String name, String type, String description) {
        public SchemaField {
            requireNonNull(name, "name is null");
        }
    }

    /** A column of an input dataset that feeds an output field. */
    public record InputField(String namespace, String name, String field) {
        public InputField {
            requireNonNull(namespace, "namespace is null");
            requireNonNull(name, "name is null");
            requireNonNull(field, "field is null");
        }
    }
}

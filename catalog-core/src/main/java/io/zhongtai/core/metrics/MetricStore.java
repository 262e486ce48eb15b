package io.zhongtai.core.metrics;

import io.zhongtai.core.Actor;
import java.util.List;

/**
 * Durable store of governed metric definitions: every version of every metric, and the semantic
 * models and access policies they rest on. Each metric is also an asset of the catalog,
 * {@code metric:<name>}, with its description, owner and domain, lineage edges from the columns
 * and tables it reads, and a change event per version, written in the same transaction.
 *
 * <p>Definitions are opaque JSON documents here: their format belongs to the metrics engine.
 */
public interface MetricStore {

    /** The latest version of every metric, in name order. */
    List<StoredMetric> latest();

    /** Every version of one metric, newest first; empty when there is no such metric. */
    List<StoredMetric> versions(String metric);

    /**
     * Appends a version. {@code version.version()} must be one more than the latest stored (1 for a
     * new metric); otherwise someone else changed the metric meanwhile and the call fails with a
     * CONFLICT, storing nothing. Updates the metric's asset and its lineage edges to
     * {@code version.facts()}, and appends a change event.
     */
    void append(StoredMetric version, Actor actor);

    /** The semantic models and policies, in kind then name order. */
    List<StoredDefinition> definitions();

    /**
     * Creates or replaces these semantic models and policies, and removes those named in
     * {@code removed} ({@code kind:name}); one transaction.
     */
    void putDefinitions(List<StoredDefinition> definitions, List<String> removed, Actor actor);
}

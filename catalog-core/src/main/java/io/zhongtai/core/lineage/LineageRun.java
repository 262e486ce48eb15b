package io.zhongtai.core.lineage;

import static java.util.Objects.requireNonNull;

import io.zhongtai.core.asset.AssetId;
import java.time.Instant;
import java.util.List;

/**
 * A run of a job as a lineage source reported it (an OpenLineage run event). The raw event is
 * kept append-only; a completed run marks its outputs as loaded at its time.
 *
 * @param job the job
 * @param runId the source's run id
 * @param state START, RUNNING, COMPLETE, FAIL, ABORT or OTHER
 * @param at the event's time
 * @param outputs the datasets the run wrote
 * @param raw the event exactly as received (JSON), kept for audit and replay
 */
public record LineageRun(AssetId job, String runId, String state, Instant at, List<AssetId> outputs, String raw) {
    public LineageRun {
        requireNonNull(job, "job is null");
        requireNonNull(runId, "runId is null");
        requireNonNull(state, "state is null");
        requireNonNull(at, "at is null");
        outputs = List.copyOf(requireNonNull(outputs, "outputs is null"));
        requireNonNull(raw, "raw is null");
    }
}

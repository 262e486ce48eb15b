package io.zhongtai.core.lineage;

import io.zhongtai.core.Actor;
import io.zhongtai.core.asset.AssetId;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The graph of lineage: jobs, the datasets they read and write, column-to-column flows, runs and
 * usage. Implementations keep the same guarantees as the catalog store: each write commits with
 * its change events in one transaction, and failures surface as catalog exceptions.
 */
public interface LineageStore {
    /**
     * Creates or updates a job and replaces the lineage it carries. Datasets and columns the
     * catalog does not know are created as external assets from the sketches (or bare, when no
     * sketch names them). A job whose fields or edges changed gets a new version; tags that
     * propagate (pii, and tags marked so) are recomputed along the changed column flows.
     *
     * @return the job's version after the write
     */
    long putJob(JobLineage lineage, List<DatasetSketch> sketches, Actor actor);

    /** The job's current lineage as stored, or empty when there is no live job of that id. */
    Optional<JobLineage> findJob(AssetId job);

    /** Marks a job removed and withdraws its edges (and what propagated only through them). */
    void deleteJob(AssetId job, Actor actor);

    /** Walks lineage from an asset; an unknown start is a not-found error. */
    LineageGraph lineage(LineageQuery query);

    /** Everything downstream of a table, view, column or job, up to {@code depth} hops. */
    ImpactReport impact(AssetId start, int depth);

    /** Keeps a run event and, for a completed run, records its outputs' last load. */
    void recordRun(LineageRun run);

    /** The raw events of a job's runs, newest first. */
    List<LineageRun> runs(AssetId job, int limit);

    /** Adds reads to datasets' daily usage; datasets the catalog does not know are skipped. */
    void recordUsage(List<DatasetUsage> usage);

    /** Reads per day of one dataset in the closed range, oldest first; days without reads absent. */
    List<DatasetUsage> usage(AssetId dataset, LocalDate from, LocalDate to);

    /** Total reads of every dataset with any read in the closed range. */
    Map<AssetId, Long> readsSince(LocalDate from);

    /**
     * The query-log counters last seen for a warehouse (statement digest to cumulative calls), so
     * that the next harvest counts only the calls made since.
     */
    Map<String, Long> queryLogCounters(String warehouse);

    void saveQueryLogCounters(String warehouse, Map<String, Long> counters);
}

package io.zhongtai.service.lineage.intake;

import io.zhongtai.core.Actor;
import io.zhongtai.core.CatalogException;
import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.asset.CatalogStore;
import io.zhongtai.core.lineage.JobLineage;
import io.zhongtai.core.lineage.LineageRun;
import io.zhongtai.core.lineage.LineageStore;
import io.zhongtai.core.lineage.SqlLineageExtractor;
import io.zhongtai.core.warehouse.WarehouseStore;
import io.zhongtai.crawlers.openlineage.DatasetResolver;
import io.zhongtai.crawlers.openlineage.OpenLineageEvent;
import io.zhongtai.crawlers.openlineage.OpenLineageEvents;
import io.zhongtai.crawlers.openlineage.OpenLineageMapper;
import io.zhongtai.crawlers.openlineage.RunLineage;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes OpenLineage events ({@code POST /api/v1/lineage}): checks the whole body first (a
 * malformed event stores nothing), then for each event in order writes the job's lineage as
 * {@link RunLineage} decides and keeps the raw event append-only beside it. Events of one job
 * are taken one at a time, so that two events of a run arriving together both count.
 */
@Singleton
public class OpenLineageIntake {
    private static final Logger LOG = LoggerFactory.getLogger(OpenLineageIntake.class);
    /** How many of a job's latest events are searched for the earlier events of a run. */
    private static final int RUN_HISTORY = 500;

    /** What became of one event. */
    public record Accepted(
            AssetId job,
            String runId,
            String eventType,
            List<AssetId> inputs,
            List<AssetId> outputs,
            int columnEdges,
            long jobVersion,
            boolean lineageChanged,
            List<String> warnings) {}

    private final LineageStore lineage;
    private final WarehouseStore warehouses;
    private final CatalogStore catalog;
    private final SqlLineageExtractor extractor;
    /** One job's events are taken one at a time; a fixed set of locks keeps memory flat. */
    private final Object[] jobLocks = new Object[64];

    public OpenLineageIntake(
            LineageStore lineage, WarehouseStore warehouses, CatalogStore catalog, SqlLineageExtractor extractor) {
        this.lineage = lineage;
        this.warehouses = warehouses;
        this.catalog = catalog;
        this.extractor = extractor;
        Arrays.setAll(jobLocks, i -> new Object());
    }

    public List<Accepted> accept(String body, Actor actor) {
        List<OpenLineageEvent> events = OpenLineageEvents.parse(body);
        DatasetResolver resolver = new DatasetResolver(
                warehouses.list().stream().map(DatasetResolver.KnownWarehouse::of).toList());
        CatalogDatasets datasets = new CatalogDatasets(catalog);
        OpenLineageMapper mapper = new OpenLineageMapper(resolver, datasets::isView, extractor);
        List<Accepted> accepted = new ArrayList<>(events.size());
        for (OpenLineageEvent event : events) {
            OpenLineageMapper.MappedEvent mapped = mapper.map(event);
            synchronized (jobLocks[Math.floorMod(mapped.job().hashCode(), jobLocks.length)]) {
                accepted.add(apply(mapped, mapper, actor));
            }
        }
        return accepted;
    }

    private Accepted apply(OpenLineageMapper.MappedEvent mapped, OpenLineageMapper mapper, Actor actor) {
        Optional<JobLineage> stored = lineage.findJob(mapped.job());
        List<OpenLineageMapper.MappedEvent> earlier = earlierEventsOfRun(mapped, mapper);
        Optional<JobLineage> next = RunLineage.after(stored, earlier, mapped);
        long version = next.isPresent()
                ? lineage.putJob(next.get(), mapped.sketches(), actor)
                : catalog.findAsset(mapped.job()).map(detail -> detail.asset().version()).orElse(0L);
        LineageRun run = mapped.run();
        if (run != null) {
            lineage.recordRun(run);
        }
        return new Accepted(
                mapped.job(),
                mapped.event().runId(),
                mapped.event().eventType(),
                mapped.lineage().inputs(),
                mapped.lineage().outputs(),
                mapped.lineage().columns().size(),
                version,
                next.isPresent(),
                mapped.warnings());
    }

    /** The run's events received before, oldest first, read again from their raw text. */
    private List<OpenLineageMapper.MappedEvent> earlierEventsOfRun(OpenLineageMapper.MappedEvent mapped, OpenLineageMapper mapper) {
        String runId = mapped.event().runId();
        if (runId == null) {
            return List.of();
        }
        List<OpenLineageMapper.MappedEvent> earlier = new ArrayList<>();
        List<LineageRun> runs = lineage.runs(mapped.job(), RUN_HISTORY);
        for (int i = runs.size() - 1; i >= 0; i--) {
            LineageRun stored = runs.get(i);
            if (!stored.runId().equals(runId)) {
                continue;
            }
            try {
                earlier.add(mapper.map(OpenLineageEvents.parse(stored.raw()).get(0)));
            } catch (CatalogException e) {
                LOG.warn("A stored event of run {} of {} no longer reads: {}", runId, mapped.job(), e.getMessage());
            }
        }
        return earlier;
    }
}

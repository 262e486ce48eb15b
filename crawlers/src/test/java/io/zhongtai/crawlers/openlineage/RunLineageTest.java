package io.zhongtai.crawlers.openlineage;

import static io.zhongtai.crawlers.openlineage.OpenLineageEventsTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.lineage.JobLineage;
import io.zhongtai.crawlers.openlineage.OpenLineageMapper.MappedEvent;
import io.zhongtai.crawlers.sql.JSqlParserLineageExtractor;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunLineageTest {
    private final OpenLineageMapper mapper =
            new OpenLineageMapper(new DatasetResolver(List.of()), id -> false, new JSqlParserLineageExtractor());
    private final List<MappedEvent> spark =
            OpenLineageEvents.parse(fixture("spark-run.json")).stream().map(mapper::map).toList();

    private static final AssetId CUSTOMERS = AssetId.parse("table:hive___metastore_9083.crm.customers");
    private static final AssetId RAW_ORDERS = AssetId.parse("table:s3___lake-raw.orders/2026.03");
    private static final AssetId LTV = AssetId.parse("table:hive___metastore_9083.mart.customer_ltv");

    @Test
    void aNewJobTakesWhatItsFirstEventSays() {
        JobLineage start = RunLineage.after(Optional.empty(), List.of(), spark.get(0)).orElseThrow();
        assertThat(start.inputs()).containsExactlyInAnyOrder(CUSTOMERS, RAW_ORDERS);
        assertThat(start.outputs()).isEmpty();
    }

    @Test
    void aHeartbeatChangesNothing() {
        JobLineage start = RunLineage.after(Optional.empty(), List.of(), spark.get(0)).orElseThrow();
        assertThat(RunLineage.after(Optional.of(start), List.of(spark.get(0)), spark.get(1))).isEmpty();
    }

    @Test
    void completionUnitesTheRunsEvents() {
        JobLineage start = RunLineage.after(Optional.empty(), List.of(), spark.get(0)).orElseThrow();
        JobLineage complete = RunLineage.after(Optional.of(start), spark.subList(0, 2), spark.get(2)).orElseThrow();

        // the COMPLETE event no longer lists the raw orders as an input, but the START did
        assertThat(complete.inputs()).containsExactlyInAnyOrder(CUSTOMERS, RAW_ORDERS);
        assertThat(complete.outputs()).containsExactly(LTV);
        assertThat(complete.columns()).hasSize(3);
    }

    @Test
    void aCompletedRunReplacesWhatEarlierRunsSaid() {
        JobLineage firstRun = RunLineage.after(Optional.empty(), spark.subList(0, 2), spark.get(2)).orElseThrow();
        MappedEvent secondRunComplete = mapper.map(OpenLineageEvents.parse(fixture("spark-run.json")
                        .replace("4b1e43b4-2f0c-4f2f-9a9c-2d2f6bde0f51", "9d7c1c1e-0b7e-4a35-8f6e-7a1e1f3f0c22")
                        .replace("\"ltv\": {\"inputFields\": [{\"namespace\": \"s3://lake-raw\", \"name\": \"/orders/2026/03\", \"field\": \"amount\"}]}",
                                "\"ltv\": {\"inputFields\": []}"))
                .get(2));

        JobLineage secondRun = RunLineage.after(Optional.of(firstRun), List.of(), secondRunComplete).orElseThrow();
        assertThat(secondRun.inputs()).containsExactly(CUSTOMERS);
        assertThat(secondRun.columns()).hasSize(2);
    }

    @Test
    void aStartOrFailureOnlyAdds() {
        JobLineage firstRun = RunLineage.after(Optional.empty(), spark.subList(0, 2), spark.get(2)).orElseThrow();
        MappedEvent failed = mapper.map(OpenLineageEvents.parse("""
                {"eventType": "FAIL", "eventTime": "2026-03-03T00:00:00Z", "producer": "p",
                 "run": {"runId": "9d7c1c1e-0b7e-4a35-8f6e-7a1e1f3f0c22"},
                 "job": {"namespace": "spark://etl-cluster", "name": "customer_ltv.execute_insert_into_hadoop_fs_relation_command"},
                 "inputs": [{"namespace": "hive://metastore:9083", "name": "crm.segments"}]}
                """).get(0));

        JobLineage afterFailure = RunLineage.after(Optional.of(firstRun), List.of(), failed).orElseThrow();
        assertThat(afterFailure.inputs()).containsExactlyInAnyOrder(
                CUSTOMERS, RAW_ORDERS, AssetId.parse("table:hive___metastore_9083.crm.segments"));
        assertThat(afterFailure.outputs()).containsExactly(LTV);
        assertThat(afterFailure.columns()).isEqualTo(firstRun.columns());
    }

    @Test
    void anUnchangedJobNeedsNoWrite() {
        JobLineage firstRun = RunLineage.after(Optional.empty(), spark.subList(0, 2), spark.get(2)).orElseThrow();
        assertThat(RunLineage.after(Optional.of(firstRun), spark.subList(0, 2), spark.get(2))).isEmpty();
    }
}

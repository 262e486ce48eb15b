package io.zhongtai.crawlers.openlineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.FieldError;
import io.zhongtai.core.TextPosition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenLineageEventsTest {
    static String fixture(String name) {
        try (InputStream in = OpenLineageEventsTest.class.getResourceAsStream("/openlineage/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void readsARunEventWithItsFacets() {
        List<OpenLineageEvent> events = OpenLineageEvents.parse(fixture("airflow-complete.json"));

        assertThat(events).hasSize(1);
        OpenLineageEvent event = events.get(0);
        assertThat(event.eventType()).isEqualTo("COMPLETE");
        assertThat(event.eventTime()).isEqualTo(Instant.parse("2026-03-01T02:15:00Z"));
        assertThat(event.runId()).isEqualTo("0195f5a8-3c1e-7c4e-9a51-3f0a3e9b2d11");
        assertThat(event.job().namespace()).isEqualTo("airflow-prod");
        assertThat(event.job().description()).isEqualTo("Daily paid order totals per customer");
        assertThat(event.job().sql()).startsWith("INSERT INTO analytics.daily_orders");
        assertThat(event.job().properties())
                .containsEntry("integration", "AIRFLOW")
                .containsEntry("processingType", "BATCH")
                .containsEntry("jobType", "TASK");
        OpenLineageEvent.Dataset orders = event.inputs().get(0);
        assertThat(orders.fields()).extracting(OpenLineageEvent.SchemaField::name)
                .containsExactly("order_id", "order_date", "customer_id", "status", "amount");
        assertThat(orders.fields().get(4)).isEqualTo(
                new OpenLineageEvent.SchemaField("amount", "numeric(10,2)", "Order amount in CNY"));
        assertThat(orders.columnLineage()).isNull();
        OpenLineageEvent.Dataset daily = event.outputs().get(0);
        assertThat(daily.description()).isEqualTo("Paid order totals per day and customer");
        // status only filters the rows: it feeds no value
        assertThat(daily.columnLineage().get("total")).containsExactly(
                new OpenLineageEvent.InputField("postgres://db.internal:5432", "shop.public.orders", "amount"));
        assertThat(event.raw()).isEqualTo(fixture("airflow-complete.json").strip());
    }

    @Test
    void keepsEachEventOfAnArrayExactlyAsSent() {
        String body = fixture("spark-run.json");
        List<OpenLineageEvent> events = OpenLineageEvents.parse(body);

        assertThat(events).extracting(OpenLineageEvent::eventType).containsExactly("START", "RUNNING", "COMPLETE");
        assertThat(events.get(0).eventTime()).isEqualTo(Instant.parse("2026-03-01T17:00:00Z"));
        for (OpenLineageEvent event : events) {
            assertThat(body).contains(event.raw());
            assertThat(event.raw()).startsWith("{").endsWith("}");
        }
        assertThat(events.get(1).raw()).contains("\"RUNNING\"").doesNotContain("START").doesNotContain("COMPLETE");
        assertThat(events.get(1).inputs()).isEmpty();
    }

    @Test
    void aJobEventHasNoRun() {
        OpenLineageEvent event = OpenLineageEvents.parse("""
                {"eventTime": "2026-03-01T00:00:00Z", "producer": "https://example.com/static",
                 "job": {"namespace": "dbt", "name": "shop.orders"},
                 "inputs": [{"namespace": "postgres://db:5432", "name": "shop.raw.orders"}], "outputs": []}
                """).get(0);
        assertThat(event.isJobEvent()).isTrue();
        assertThat(event.eventType()).isEqualTo("OTHER");
    }

    @Test
    void namesEveryMalformedFieldOfASingleEvent() {
        assertThatThrownBy(() -> OpenLineageEvents.parse("""
                {"eventType": "FINISHED", "eventTime": "yesterday", "run": {"runId": "r-1"},
                 "job": {"namespace": "airflow", "name": ""},
                 "inputs": [{"namespace": "postgres://db:5432", "name": "shop.public.orders"}, {"name": "x"}],
                 "outputs": {"namespace": "n"}}
                """))
                .isInstanceOfSatisfying(CatalogException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
                    assertThat(e.fieldErrors()).extracting(FieldError::field).containsExactly(
                            "eventTime", "producer", "eventType", "run.runId", "job.name", "inputs[1].namespace", "outputs");
                    assertThat(e.getMessage()).contains("eventTime must be an ISO-8601 timestamp").contains("nothing was stored");
                });
    }

    @Test
    void prefixesErrorsWithTheEventsPlaceInAnArray() {
        String good = """
                {"eventType": "START", "eventTime": "2026-03-01T00:00:00Z", "producer": "p",
                 "run": {"runId": "0195f5a8-3c1e-7c4e-9a51-3f0a3e9b2d11"}, "job": {"namespace": "a", "name": "b"}}""";
        String bad = """
                {"eventType": "COMPLETE", "eventTime": "2026-03-01T00:00:00Z", "producer": "p",
                 "job": {"namespace": "a", "name": "b"},
                 "outputs": [{"namespace": "n", "name": "t", "facets": {"columnLineage": {"fields": {"c": {"inputFields": [{"namespace": "n", "name": "s"}]}}}}}]}""";
        assertThatThrownBy(() -> OpenLineageEvents.parse("[" + good + "," + bad + ", 7]"))
                .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.fieldErrors())
                        .extracting(FieldError::field)
                        .containsExactly("[1].run", "[1].outputs[0].facets.columnLineage.fields.c.inputFields[0].field", "[2]"));
    }

    @Test
    void refusesDatasetEventsAndEmptyBodies() {
        assertThatThrownBy(() -> OpenLineageEvents.parse("""
                {"eventTime": "2026-03-01T00:00:00Z", "producer": "p", "dataset": {"namespace": "n", "name": "t"}}"""))
                .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.fieldErrors().get(0))
                        .isEqualTo(new FieldError("job", "is missing: dataset events carry no lineage and are not accepted; send run or job events")));
        assertThatThrownBy(() -> OpenLineageEvents.parse("[]")).hasMessageContaining("no event");
        assertThatThrownBy(() -> OpenLineageEvents.parse(" ")).hasMessageContaining("needs a body");
        assertThatThrownBy(() -> OpenLineageEvents.parse("\"START\"")).hasMessageContaining("must be one OpenLineage event");
    }

    @Test
    void malformedJsonSaysWhere() {
        assertThatThrownBy(() -> OpenLineageEvents.parse("{\n  \"eventType\": \"START\",\n  \"job\": {]\n}"))
                .isInstanceOfSatisfying(CatalogException.class, e -> {
                    assertThat(e.position()).isEqualTo(new TextPosition(3, 11));
                    assertThat(e.getMessage()).startsWith("Malformed JSON at line 3, column 11");
                });
        assertThatThrownBy(() -> OpenLineageEvents.parse("{} {}")).hasMessageContaining("Unexpected content after the JSON value");
    }

    @Test
    void deletedFacetsCountAsAbsent() {
        OpenLineageEvent event = OpenLineageEvents.parse("""
                {"eventType": "COMPLETE", "eventTime": "2026-03-01T00:00:00Z", "producer": "p",
                 "run": {"runId": "0195f5a8-3c1e-7c4e-9a51-3f0a3e9b2d11"},
                 "job": {"namespace": "a", "name": "b", "facets": {"sql": {"_deleted": true}}},
                 "outputs": [{"namespace": "n", "name": "s.t", "facets": {"schema": {"_deleted": true, "fields": [{"name": "x"}]}}}]}
                """).get(0);
        assertThat(event.job().sql()).isNull();
        assertThat(event.outputs().get(0).fields()).isEmpty();
    }
}

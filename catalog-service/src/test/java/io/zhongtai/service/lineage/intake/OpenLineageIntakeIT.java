package io.zhongtai.service.lineage.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineageClient;
import io.openlineage.client.transports.HttpTransport;
import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.lineage.ColumnEdge;
import io.zhongtai.core.lineage.JobLineage;
import io.zhongtai.core.lineage.LineageOrigin;
import io.zhongtai.core.lineage.LineageRun;
import io.zhongtai.core.lineage.LineageStore;
import io.zhongtai.service.TestingZhongtai;
import io.zhongtai.testing.TestDatabase;
import io.zhongtai.testing.TestingPostgres;
import java.net.URI;
import java.sql.Connection;
import java.sql.Statement;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The real OpenLineage Java client sends run events over its HTTP transport, with an analyst's
 * API token, to the running service; the lineage lands on the tables a crawler found in a real
 * PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenLineageIntakeIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final URI PRODUCER = URI.create("https://github.com/zhongtai/tests/openlineage-intake");

    private final TestingZhongtai zhongtai = TestingZhongtai.get();
    private final LineageStore lineage = zhongtai.bean(LineageStore.class);
    private final OpenLineage ol = new OpenLineage(PRODUCER);
    private String admin;
    private String apiToken;
    private TestDatabase shop;
    private String namespace;

    @BeforeAll
    void registerAndCrawlAPostgresWarehouse() throws Exception {
        admin = zhongtai.adminToken();
        shop = TestingPostgres.instance().createDatabase("ol_shop");
        try (Connection connection = shop.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE customers (customer_id int PRIMARY KEY, segment text, email text)");
            statement.execute("CREATE TABLE orders (order_id int PRIMARY KEY, customer_id int, amount numeric(10,2), status text)");
            statement.execute("CREATE VIEW paid_orders AS SELECT order_id, customer_id, amount FROM orders WHERE status = 'paid'");
        }
        assertThat(zhongtai.send("POST", "/api/v1/warehouses", admin, Map.of(
                        "name", "ol-shop", "jdbcUrl", shop.jdbcUrl(), "username", shop.user(), "password", shop.password()))
                .status()).isEqualTo(201);
        JsonNode run = zhongtai.awaitCrawl(admin, zhongtai.send("POST", "/api/v1/warehouses/ol-shop/crawl", admin, null).json());
        assertThat(run.get("status").asText()).isEqualTo("succeeded");
        namespace = "postgres://localhost:" + TestingPostgres.instance().port();

        String analyst = zhongtai.tokenFor("ol-sender", "analyst");
        TestingZhongtai.Response created = zhongtai.send("POST", "/api/v1/tokens", analyst, Map.of("name", "airflow"));
        assertThat(created.status()).isEqualTo(201);
        apiToken = created.json().get("token").asText();
        assertThat(apiToken).startsWith("ztk_");
    }

    private OpenLineageClient client(String token) {
        return OpenLineageClient.builder()
                .transport(HttpTransport.builder().uri(zhongtai.uri("")).apiKey(token).build())
                .build();
    }

    private OpenLineage.InputDataset input(String table, String... columns) {
        List<OpenLineage.SchemaDatasetFacetFields> fields = Arrays.stream(columns)
                .map(column -> ol.newSchemaDatasetFacetFieldsBuilder().name(column).type("integer").build())
                .toList();
        return ol.newInputDatasetBuilder()
                .namespace(namespace)
                .name(shop.name() + ".public." + table)
                .facets(ol.newDatasetFacetsBuilder().schema(ol.newSchemaDatasetFacet(fields)).build())
                .build();
    }

    private OpenLineage.InputField field(String table, String column, String type, String subtype) {
        return ol.newInputFieldBuilder()
                .namespace(namespace)
                .name(shop.name() + ".public." + table)
                .field(column)
                .transformations(List.of(ol.newInputFieldTransformationsBuilder().type(type).subtype(subtype).build()))
                .build();
    }

    private OpenLineage.RunEvent event(
            OpenLineage.RunEvent.EventType type,
            UUID runId,
            String job,
            List<OpenLineage.InputDataset> inputs,
            List<OpenLineage.OutputDataset> outputs) {
        return ol.newRunEventBuilder()
                .eventType(type)
                .eventTime(ZonedDateTime.now())
                .run(ol.newRunBuilder().runId(runId).build())
                .job(ol.newJobBuilder().namespace("airflow-test").name(job).build())
                .inputs(inputs)
                .outputs(outputs)
                .build();
    }

    @Test
    void aRunSentByTheClientLandsOnTheCrawledTables() throws Exception {
        UUID runId = UUID.randomUUID();
        String job = "shop_etl.customer_revenue";
        OpenLineage.OutputDataset revenue = ol.newOutputDatasetBuilder()
                .namespace(namespace)
                .name(shop.name() + ".analytics.customer_revenue")
                .facets(ol.newDatasetFacetsBuilder()
                        .schema(ol.newSchemaDatasetFacet(List.of(
                                ol.newSchemaDatasetFacetFieldsBuilder().name("customer_id").type("integer").build(),
                                ol.newSchemaDatasetFacetFieldsBuilder().name("segment").type("text").build(),
                                ol.newSchemaDatasetFacetFieldsBuilder().name("revenue").type("numeric").description("Paid revenue").build())))
                        .columnLineage(ol.newColumnLineageDatasetFacetBuilder()
                                .fields(ol.newColumnLineageDatasetFacetFieldsBuilder()
                                        .put("customer_id", ol.newColumnLineageDatasetFacetFieldsAdditionalBuilder()
                                                .inputFields(List.of(field("customers", "customer_id", "DIRECT", "IDENTITY"))).build())
                                        .put("segment", ol.newColumnLineageDatasetFacetFieldsAdditionalBuilder()
                                                .inputFields(List.of(field("customers", "segment", "DIRECT", "IDENTITY"))).build())
                                        .put("revenue", ol.newColumnLineageDatasetFacetFieldsAdditionalBuilder()
                                                .inputFields(List.of(
                                                        field("orders", "amount", "DIRECT", "AGGREGATION"),
                                                        field("orders", "status", "INDIRECT", "FILTER")))
                                                .build())
                                        .build())
                                .build())
                        .build())
                .build();
        try (OpenLineageClient client = client(apiToken)) {
            client.emit(event(OpenLineage.RunEvent.EventType.START, runId, job,
                    List.of(input("orders", "order_id", "customer_id", "amount", "status")), List.of()));
            client.emit(event(OpenLineage.RunEvent.EventType.RUNNING, runId, job, List.of(), List.of()));
            client.emit(event(OpenLineage.RunEvent.EventType.COMPLETE, runId, job,
                    List.of(input("customers", "customer_id", "segment")), List.of(revenue)));
        }

        AssetId jobId = AssetId.parse("job:airflow-test.\"shop_etl.customer_revenue\"");
        JobLineage stored = lineage.findJob(jobId).orElseThrow();
        assertThat(stored.origin()).isEqualTo(LineageOrigin.OPENLINEAGE);
        // the START named orders, the COMPLETE customers: the run's lineage is both
        assertThat(stored.inputs()).containsExactly(
                AssetId.parse("table:ol-shop.public.customers"), AssetId.parse("table:ol-shop.public.orders"));
        assertThat(stored.outputs()).containsExactly(AssetId.parse("table:ol-shop.analytics.customer_revenue"));
        assertThat(stored.columns()).containsExactlyInAnyOrder(
                new ColumnEdge(AssetId.parse("column:ol-shop.public.customers.customer_id"),
                        AssetId.parse("column:ol-shop.analytics.customer_revenue.customer_id")),
                new ColumnEdge(AssetId.parse("column:ol-shop.public.customers.segment"),
                        AssetId.parse("column:ol-shop.analytics.customer_revenue.segment")),
                new ColumnEdge(AssetId.parse("column:ol-shop.public.orders.amount"),
                        AssetId.parse("column:ol-shop.analytics.customer_revenue.revenue")));

        // the output was not crawled: it exists now as an external table with the schema facet's columns
        JsonNode output = zhongtai.send("GET", "/api/v1/assets/" + TestingZhongtai.encode("table:ol-shop.analytics.customer_revenue"),
                admin, null).json();
        assertThat(output.get("columns").findValuesAsText("name")).containsExactly("customer_id", "segment", "revenue");

        // every event is kept as sent, newest first
        List<LineageRun> runs = lineage.runs(jobId, 10);
        assertThat(runs).extracting(LineageRun::state).containsExactly("COMPLETE", "RUNNING", "START");
        assertThat(runs).allSatisfy(run -> assertThat(run.runId()).isEqualTo(runId.toString()));
        assertThat(JSON.readTree(runs.get(0).raw()).get("producer").asText()).isEqualTo(PRODUCER.toString());
        assertThat(JSON.readTree(runs.get(0).raw()).at("/outputs/0/facets/columnLineage/fields/revenue/inputFields")).hasSize(2);
    }

    @Test
    void aViewReadByTheSqlFacetIsTheCrawledView() {
        String body = """
                {"eventType": "COMPLETE", "eventTime": "2026-03-01T00:00:00Z", "producer": "https://example.com/scheduler",
                 "run": {"runId": "%s"},
                 "job": {"namespace": "airflow-test", "name": "shop_etl.paid_by_customer",
                   "facets": {"sql": {"query": "INSERT INTO analytics.paid_by_customer SELECT customer_id, SUM(amount) AS paid FROM paid_orders GROUP BY customer_id"}}},
                 "inputs": [{"namespace": "%s", "name": "%s.public.paid_orders"}],
                 "outputs": [{"namespace": "%s", "name": "%s.analytics.paid_by_customer",
                   "facets": {"schema": {"fields": [{"name": "customer_id"}, {"name": "paid"}]}}}]}
                """.formatted(UUID.randomUUID(), namespace, shop.name(), namespace, shop.name());
        TestingZhongtai.Response response = zhongtai.send("POST", "/api/v1/lineage", apiToken, body);

        assertThat(response.status()).isEqualTo(200);
        JsonNode accepted = response.json().get("events").get(0);
        assertThat(accepted.get("inputs").get(0).asText()).isEqualTo("view:ol-shop.public.paid_orders");
        assertThat(accepted.get("columnEdges").asInt()).isEqualTo(2);
        assertThat(accepted.get("lineageChanged").asBoolean()).isTrue();
        JobLineage stored = lineage.findJob(AssetId.parse("job:airflow-test.\"shop_etl.paid_by_customer\"")).orElseThrow();
        assertThat(stored.columns()).contains(new ColumnEdge(
                AssetId.parse("column:ol-shop.public.paid_orders.amount"), AssetId.parse("column:ol-shop.analytics.paid_by_customer.paid")));
        assertThat(stored.properties()).containsEntry("dialect", "postgres");
    }

    @Test
    void datasetsOfAnUnknownServerLiveInAnExternalWarehouse() {
        UUID runId = UUID.randomUUID();
        try (OpenLineageClient client = client(apiToken)) {
            client.emit(ol.newRunEventBuilder()
                    .eventType(OpenLineage.RunEvent.EventType.COMPLETE)
                    .eventTime(ZonedDateTime.now())
                    .run(ol.newRunBuilder().runId(runId).build())
                    .job(ol.newJobBuilder().namespace("spark-test").name("copy_orders").build())
                    .inputs(List.of(ol.newInputDatasetBuilder().namespace("postgres://ext-host:5432").name("erp.public.orders").build()))
                    .outputs(List.of(ol.newOutputDatasetBuilder().namespace("s3://lake-raw").name("/erp/orders").build()))
                    .build());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        JobLineage stored = lineage.findJob(AssetId.parse("job:spark-test.copy_orders")).orElseThrow();
        assertThat(stored.inputs()).containsExactly(AssetId.parse("table:postgres___ext-host_5432.\"erp.public\".orders"));
        assertThat(stored.outputs()).containsExactly(AssetId.parse("table:s3___lake-raw.erp.orders"));
        assertThat(zhongtai.send("GET", "/api/v1/assets/" + TestingZhongtai.encode("warehouse:postgres___ext-host_5432"), admin, null)
                .status()).isEqualTo(200);
    }

    @Test
    void aMalformedEventIsRefusedNamingTheFieldAndNothingIsStored() {
        String good = """
                {"eventType": "START", "eventTime": "2026-03-01T00:00:00Z", "producer": "p",
                 "run": {"runId": "%s"}, "job": {"namespace": "airflow-test", "name": "never_stored"},
                 "outputs": [{"namespace": "s3://nowhere", "name": "never/stored"}]}""".formatted(UUID.randomUUID());
        String bad = """
                {"eventType": "COMPLETE", "eventTime": "2026-03-01T00:00:00Z", "producer": "p",
                 "run": {"runId": "%s"}, "job": {"namespace": "airflow-test", "name": "never_stored"},
                 "inputs": [{"name": "shop.public.orders"}]}""".formatted(UUID.randomUUID());
        TestingZhongtai.Response response = zhongtai.send("POST", "/api/v1/lineage", apiToken, "[" + good + "," + bad + "]");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asText()).contains("[1].inputs[0].namespace is required").contains("nothing was stored");
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("[1].inputs[0].namespace");
        assertThat(lineage.findJob(AssetId.parse("job:airflow-test.never_stored"))).isEmpty();
        assertThat(lineage.runs(AssetId.parse("job:airflow-test.never_stored"), 10)).isEmpty();
        assertThat(zhongtai.send("GET", "/api/v1/assets/" + TestingZhongtai.encode("table:s3___nowhere.never.stored"), admin, null)
                .status()).isEqualTo(404);
    }

    @Test
    void sendingNeedsAnAnalystsToken() throws Exception {
        String viewer = zhongtai.tokenFor("ol-viewer", "viewer");
        String body = """
                {"eventType": "START", "eventTime": "2026-03-01T00:00:00Z", "producer": "p",
                 "run": {"runId": "%s"}, "job": {"namespace": "airflow-test", "name": "refused"}}""".formatted(UUID.randomUUID());
        assertThat(zhongtai.send("POST", "/api/v1/lineage", null, body).status()).isEqualTo(401);
        assertThat(zhongtai.send("POST", "/api/v1/lineage", viewer, body).status()).isEqualTo(403);
        assertThat(zhongtai.send("POST", "/api/v1/lineage", "ztk_not-a-token", body).status()).isEqualTo(401);
        assertThat(lineage.findJob(AssetId.parse("job:airflow-test.refused"))).isEmpty();
    }
}

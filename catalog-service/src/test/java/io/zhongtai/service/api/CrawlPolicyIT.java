package io.zhongtai.service.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zhongtai.core.warehouse.CrawlRun;
import io.zhongtai.core.warehouse.CrawlStatus;
import io.zhongtai.core.warehouse.Warehouse;
import io.zhongtai.core.warehouse.WarehouseStore;
import io.zhongtai.crawlers.jdbc.JdbcWarehouseConnections;
import io.zhongtai.service.TestingZhongtai;
import io.zhongtai.service.TestingZhongtai.Response;
import io.zhongtai.service.crawl.CrawlScheduler;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Classification, the removal cap and schedules, through the running service. */
class CrawlPolicyIT {
    private final TestingZhongtai zhongtai = TestingZhongtai.get();
    private final String admin = zhongtai.adminToken();

    private static String asset(String id) {
        return "/api/v1/assets/" + TestingZhongtai.encode(id);
    }

    @Test
    void personalDataInTheDemoIsTaggedAutomaticallyAndAStewardsTagWins() {
        for (String column : List.of("email", "phone", "customer_name")) {
            JsonNode tags = zhongtai.send("GET", asset("column:demo.retail.customers." + column), admin, null).json().get("tags");
            assertThat(tags).as(column).anySatisfy(tag -> {
                assertThat(tag.get("name").asText()).isEqualTo("pii");
                assertThat(tag.get("source").asText()).isEqualTo("automatic");
            });
        }
        JsonNode email = zhongtai.send("GET", asset("column:demo.retail.customers.email"), admin, null).json();
        assertThat(email.get("classification").asText()).isEqualTo("pii:email");
        assertThat(email.get("tags").get(0).get("kind").asText()).isEqualTo("email");
        JsonNode city = zhongtai.send("GET", asset("column:demo.retail.stores.store_name"), admin, null).json();
        assertThat(city.get("classification").asText()).isEqualTo("none");
        assertThat(city.get("tags")).isEmpty();

        String steward = zhongtai.tokenFor("pii-steward", "steward");
        Response patched = zhongtai.send("PATCH", asset("column:demo.retail.customers.phone"), steward,
                Map.of("tags", List.of(Map.of("name", "pii", "kind", "contact-phone"))));
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().get("tags")).singleElement().satisfies(tag -> {
            assertThat(tag.get("source").asText()).isEqualTo("manual");
            assertThat(tag.get("kind").asText()).isEqualTo("contact-phone");
        });
        JsonNode run = zhongtai.awaitCrawl(admin, zhongtai.send("POST", "/api/v1/warehouses/demo/crawl", admin, null).json());
        assertThat(run.get("status").asText()).isEqualTo("succeeded");
        assertThat(zhongtai.send("GET", asset("column:demo.retail.customers.phone"), admin, null).json().get("tags").get(0).get("source").asText())
                .as("a crawl never overwrites a steward's tag").isEqualTo("manual");
    }

    @Test
    void aCrawlThatWouldRemoveTooMuchStopsUntilForced() throws Exception {
        String name = "capped";
        zhongtai.send("POST", "/api/v1/warehouses", admin, Map.of("name", name, "jdbcUrl", "jdbc:duckdb:" + zhongtai.home().resolve("capped.duckdb")));
        zhongtai.execute(name,
                "CREATE SCHEMA keep", "CREATE SCHEMA doomed",
                "CREATE TABLE keep.a (x INTEGER)",
                "CREATE TABLE doomed.b (c1 INTEGER, c2 INTEGER, c3 INTEGER, c4 INTEGER, c5 INTEGER, c6 INTEGER)",
                "CREATE TABLE doomed.c (c1 INTEGER, c2 INTEGER, c3 INTEGER, c4 INTEGER, c5 INTEGER, c6 INTEGER)");
        assertThat(zhongtai.awaitCrawl(admin, crawl(name, false)).get("added").asInt()).isEqualTo(2 + 3 + 13);
        zhongtai.execute(name, "DROP SCHEMA doomed CASCADE");

        JsonNode refused = zhongtai.awaitCrawl(admin, crawl(name, false));
        assertThat(refused.get("status").asText()).isEqualTo("failed");
        assertThat(refused.get("error").asText()).contains("would remove 15 of the 18 assets").contains("force=true");
        assertThat(zhongtai.send("GET", asset("table:capped.doomed.b"), admin, null).json().get("deleted").asBoolean()).isFalse();

        JsonNode forced = zhongtai.awaitCrawl(admin, crawl(name, true));
        assertThat(forced.get("status").asText()).isEqualTo("succeeded");
        assertThat(forced.get("removed").asInt()).isEqualTo(15);
        assertThat(forced.get("durationMs").asLong()).isNotNegative();
        assertThat(zhongtai.send("GET", asset("table:capped.doomed.b"), admin, null).json().get("deleted").asBoolean()).isTrue();
    }

    @Test
    void scheduledWarehousesAreCrawledWhenDue() throws Exception {
        String name = "nightly";
        Response registered = zhongtai.send("POST", "/api/v1/warehouses", admin,
                Map.of("name", name, "jdbcUrl", "jdbc:duckdb:" + zhongtai.home().resolve("nightly.duckdb"), "schedule", "0 2 * * *"));
        assertThat(registered.json().get("schedule").asText()).isEqualTo("0 2 * * *");
        zhongtai.execute(name, "CREATE TABLE main.t (x INTEGER)");
        CrawlScheduler scheduler = zhongtai.bean(CrawlScheduler.class);
        Instant registeredAt = Instant.parse(registered.json().get("updatedAt").asText());

        assertThat(scheduler.startDue(registeredAt.plusSeconds(1))).extracting(CrawlRun::warehouse).doesNotContain(name);
        Instant nextNight = registeredAt.plus(Duration.ofDays(1)).plusSeconds(60);
        List<CrawlRun> started = scheduler.startDue(nextNight);
        assertThat(started).extracting(CrawlRun::warehouse).contains(name);
        CrawlRun run = started.stream().filter(r -> r.warehouse().equals(name)).findFirst().orElseThrow();
        assertThat(run.startedBy()).isEqualTo("scheduler");
        assertThat(zhongtai.awaitCrawl(admin, zhongtai.send("GET", "/api/v1/crawls/" + run.id(), admin, null).json()).get("status").asText())
                .isEqualTo(CrawlStatus.SUCCEEDED.value());
    }

    private JsonNode crawl(String name, boolean force) {
        Response started = zhongtai.send("POST", "/api/v1/warehouses/" + name + "/crawl" + (force ? "?force=true" : ""), admin, null);
        assertThat(started.status()).isEqualTo(202);
        return started.json();
    }


}

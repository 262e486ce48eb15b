package io.zhongtai.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhongtai.service.TestingZhongtai;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The portal's files over plain HTTP: served without a token, client routes surviving a reload, the API untouched. */
class PortalServingIT {
    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private final TestingZhongtai zhongtai = TestingZhongtai.get();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private HttpResponse<String> get(String path, String accept, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(zhongtai.uri(path)).header("Accept", accept);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesThePortalPageAndItsFilesWithoutAToken() throws Exception {
        HttpResponse<String> index = get("/", BROWSER_ACCEPT, null);
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(index.headers().firstValue("Cache-Control")).contains("no-cache");
        assertThat(index.body()).contains("<div id=\"root\"></div>");

        Matcher script = Pattern.compile("src=\"(/static/[^\"]+\\.js)\"").matcher(index.body());
        assertThat(script.find()).as("index.html names its entry script").isTrue();
        HttpResponse<String> entry = get(script.group(1), "*/*", null);
        assertThat(entry.statusCode()).isEqualTo(200);
        assertThat(entry.headers().firstValue("Content-Type").orElse("")).startsWith("text/javascript");
        assertThat(entry.headers().firstValue("Cache-Control").orElse("")).contains("immutable");
        assertThat(entry.body()).contains("/api/v1/me");

        assertThat(get("/favicon.svg", "*/*", null).body()).startsWith("<svg");
    }

    @Test
    void clientRoutesSurviveAReloadButTheApiKeepsItsAnswers() throws Exception {
        for (String route : new String[] {"/signin", "/search?q=orders", "/asset/table%3Ademo.retail.orders", "/admin/warehouses"}) {
            HttpResponse<String> page = get(route, BROWSER_ACCEPT, null);
            assertThat(page.statusCode()).as(route).isEqualTo(200);
            assertThat(page.body()).as(route).contains("<div id=\"root\"></div>");
        }
        // an API client asking for a page that is not there gets a problem document, not HTML
        HttpResponse<String> json = get("/asset/table%3Ademo.retail.orders", "application/json", null);
        assertThat(json.statusCode()).isEqualTo(404);
        assertThat(json.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");

        // unknown API paths stay 404 problems, even from a browser; known ones still need a token
        String token = zhongtai.adminToken();
        HttpResponse<String> unknownApi = get("/api/v1/no-such-thing", BROWSER_ACCEPT, token);
        assertThat(unknownApi.statusCode()).isEqualTo(404);
        assertThat(unknownApi.body()).contains("urn:zhongtai:problem:not-found");
        assertThat(get("/api/v1/assets", "application/json", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/assets", "application/json", token).statusCode()).isEqualTo(200);
        assertThat(get("/health", "application/json", null).body()).contains("UP");
    }

    @Test
    void refusesPathsOutsideTheBuild() throws Exception {
        for (String path : new String[] {"/static/../application.yml", "/static/%2e%2e/logback.xml", "/static/no-such-file.js"}) {
            HttpResponse<String> response = get(path, "*/*", null);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).doesNotContain("micronaut");
        }
    }
}

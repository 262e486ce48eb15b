package io.zhongtai.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PortalResourcesTest {
    private final PortalResources resources = new PortalResources();

    @Test
    void readsOnlyPlainPathsInsideTheBuild() {
        for (String path : new String[] {"../application.yml", "/etc/passwd", "static/../../logback.xml", "static/x", "", "static//a.js", "a\\b.js"}) {
            assertThat(resources.file(path)).as(path).isEmpty();
        }
        assertThat(resources.file("static/no-such-file-1234.js")).isEmpty();
    }

    @Test
    void servesTheBuildsPageWithItsMediaType() {
        // the web module's jar is on the test class path, as on the service's
        PortalResources.File index = resources.file("index.html").orElseThrow();
        assertThat(index.mediaType().getName()).isEqualTo("text/html");
        assertThat(new String(index.content(), java.nio.charset.StandardCharsets.UTF_8)).contains("<div id=\"root\"></div>");
    }
}

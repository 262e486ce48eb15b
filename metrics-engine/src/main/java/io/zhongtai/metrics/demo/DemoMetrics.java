package io.zhongtai.metrics.demo;

import io.zhongtai.metrics.model.SemanticManifest;
import io.zhongtai.metrics.yaml.DefinitionReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The governed metrics of the demo retail warehouse (demo-retail.md), read from the YAML shipped with this module. */
public final class DemoMetrics {
    /** Class-path location of the demo's definitions. */
    public static final String RESOURCE = "/io/zhongtai/metrics/demo/demo-retail.yml";

    private DemoMetrics() {}

    /** The YAML text, as a user would keep it in git. */
    public static String yaml() {
        try (InputStream in = DemoMetrics.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The definitions, bound to the warehouse named {@code demo}. */
    public static SemanticManifest manifest() {
        return DefinitionReader.readYaml(yaml(), "demo-retail.yml");
    }
}

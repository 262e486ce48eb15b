package io.zhongtai.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The dbt project fixture over the demo warehouse ({@code io/zhongtai/testing/dbt/README.md}):
 * a hand-written manifest.json (schema v12) and catalog.json, shared by the importer's unit tests
 * and the service's tests.
 */
public final class DbtFixtures {
    private DbtFixtures() {}

    public static String manifest() {
        return read("manifest.json");
    }

    public static String catalog() {
        return read("catalog.json");
    }

    private static String read(String name) {
        try (InputStream in = DbtFixtures.class.getResourceAsStream("/io/zhongtai/testing/dbt/" + name)) {
            if (in == null) {
                throw new IllegalStateException("dbt fixture " + name + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.zhongtai.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.zhongtai.core.PageRequest;
import io.zhongtai.core.asset.AssetQuery;
import io.zhongtai.core.asset.AssetType;
import io.zhongtai.core.asset.CatalogStore;
import io.zhongtai.core.warehouse.WarehouseStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command line: {@code demo} builds and crawls the demo with the same configuration as the server. */
class ZhongtaiCommandIT {
    @Test
    void demoCommandCreatesAndCrawlsTheDemoInTheHome() throws Exception {
        Path home = Files.createTempDirectory("zhongtai-cli");
        Map<String, Object> properties = Map.of("zhongtai.home", home.toString(), "zhongtai.neo4j.page-cache-mb", 32);
        assertThat(Zhongtai.run(new String[] {"demo", "--scale", "0.01", "--seed", "7"}, properties)).isZero();
        assertThat(home.resolve("warehouses/demo.duckdb")).exists();
        // running it again re-creates the file and finds the catalog already in step
        assertThat(Zhongtai.run(new String[] {"demo", "--scale", "0.01", "--seed", "7"}, properties)).isZero();
        try (ApplicationContext context = ApplicationContext.builder().properties(properties).start()) {
            assertThat(context.getBean(WarehouseStore.class).find("demo")).isPresent();
            long tables = context.getBean(CatalogStore.class)
                    .listAssets(new AssetQuery(AssetType.TABLE, "demo", null, false), new PageRequest(0, 50))
                    .total();
            assertThat(tables).isEqualTo(12);
        }
    }

    @Test
    void badOptionsAndUnknownCommandsExitWithUsage() {
        assertThat(Zhongtai.run(new String[] {"demo", "--scale"}, Map.of())).isEqualTo(2);
        assertThat(Zhongtai.run(new String[] {"demo", "--scale", "0"}, Map.of())).isEqualTo(2);
        assertThat(Zhongtai.run(new String[] {"demo", "--colour", "red"}, Map.of())).isEqualTo(2);
        assertThat(Zhongtai.run(new String[] {"reindex-everything"}, Map.of())).isEqualTo(2);
        assertThat(Zhongtai.run(new String[] {"help"}, Map.of())).isZero();
    }
}

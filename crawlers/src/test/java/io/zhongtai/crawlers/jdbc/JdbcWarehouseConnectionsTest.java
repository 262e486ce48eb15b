package io.zhongtai.crawlers.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.warehouse.CrawlSettings;
import io.zhongtai.core.warehouse.Dialect;
import io.zhongtai.core.warehouse.Warehouse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class JdbcWarehouseConnectionsTest {
    private final JdbcWarehouseConnections connections = new JdbcWarehouseConnections();

    @Test
    void aServerThatIsNotThereIsAClearErrorWithoutThePassword() {
        for (String url : new String[] {"jdbc:postgresql://127.0.0.1:1/shop", "jdbc:mariadb://127.0.0.1:1/shop"}) {
            Warehouse down = new Warehouse("down", url, "reader", null, Dialect.fromJdbcUrl(url), CrawlSettings.DEFAULT, null, null, null);
            long started = System.nanoTime();
            assertThatThrownBy(() -> connections.open(down, "s3cret"))
                    .isInstanceOfSatisfying(CatalogException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.WAREHOUSE_UNAVAILABLE);
                        assertThat(e.getMessage()).startsWith("Cannot connect to warehouse 'down' at " + url).doesNotContain("s3cret");
                    });
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        }
    }
}

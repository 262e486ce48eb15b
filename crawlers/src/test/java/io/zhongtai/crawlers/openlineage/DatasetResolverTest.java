package io.zhongtai.crawlers.openlineage;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.warehouse.Dialect;
import io.zhongtai.crawlers.openlineage.DatasetResolver.KnownWarehouse;
import io.zhongtai.crawlers.openlineage.DatasetResolver.ResolvedDataset;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetResolverTest {
    private static final String DEMO_FILE = Path.of("target", "home", "demo.duckdb").toAbsolutePath().toString();

    private final DatasetResolver resolver = new DatasetResolver(List.of(
            new KnownWarehouse("shop", "jdbc:postgresql://db.internal:5432/shop", "reader", Dialect.POSTGRES),
            new KnownWarehouse("billing", "jdbc:postgresql://db.internal:5432/billing", "reader", Dialect.POSTGRES),
            new KnownWarehouse("crm", "jdbc:mariadb://10.0.0.7:3306/crm", "reader", Dialect.MARIADB),
            new KnownWarehouse("demo", "jdbc:duckdb:" + DEMO_FILE, null, Dialect.DUCKDB),
            new KnownWarehouse("lake", "jdbc:trino://trino:8080/hive", null, Dialect.TRINO)));

    @Test
    void postgresNamesResolveOnTheWarehouseOfTheirDatabase() {
        assertThat(resolver.resolve("postgres://db.internal:5432", "shop.public.orders"))
                .isEqualTo(new ResolvedDataset(AssetId.parse("table:shop.public.orders"), true, Dialect.POSTGRES));
        assertThat(resolver.resolve("postgres://DB.INTERNAL:5432", "billing.finance.invoices"))
                .isEqualTo(new ResolvedDataset(AssetId.parse("table:billing.finance.invoices"), true, Dialect.POSTGRES));
    }

    @Test
    void aTwoPartPostgresNameNeedsOneWarehouseOnTheServer() {
        // two warehouses live on db.internal:5432, so public.orders could be either
        assertThat(resolver.resolve("postgres://db.internal:5432", "public.orders").registered()).isFalse();
        DatasetResolver single = new DatasetResolver(List.of(
                new KnownWarehouse("shop", "jdbc:postgresql://db.internal:5432/shop", "reader", Dialect.POSTGRES)));
        assertThat(single.resolve("postgres://db.internal:5432", "public.orders").id())
                .isEqualTo(AssetId.parse("table:shop.public.orders"));
    }

    @Test
    void anUnregisteredDatabaseOnAKnownServerIsExternal() {
        assertThat(resolver.resolve("postgres://db.internal:5432", "hr.public.staff"))
                .isEqualTo(new ResolvedDataset(
                        AssetId.parse("table:postgres___db_internal_5432.\"hr.public\".staff"), false, Dialect.POSTGRES));
    }

    @Test
    void mysqlDatabasesAreSchemasOfTheServersWarehouse() {
        assertThat(resolver.resolve("mysql://10.0.0.7:3306", "crm.customers"))
                .isEqualTo(new ResolvedDataset(AssetId.parse("table:crm.crm.customers"), true, Dialect.MARIADB));
        // a MySQL warehouse reads every database its login sees
        assertThat(resolver.resolve("mariadb://10.0.0.7", "support.tickets").id())
                .isEqualTo(AssetId.parse("table:crm.support.tickets"));
    }

    @Test
    void duckDbNamesDropTheirCatalog() {
        assertThat(resolver.resolve("duckdb://" + DEMO_FILE, "demo.retail.orders").id())
                .isEqualTo(AssetId.parse("table:demo.retail.orders"));
        assertThat(resolver.resolve("duckdb:" + DEMO_FILE, "mart.daily_sales").id())
                .isEqualTo(AssetId.parse("table:demo.mart.daily_sales"));
    }

    @Test
    void unknownNamespacesBecomeExternalWarehouses() {
        assertThat(resolver.resolve("postgres://ext-host:5432", "shop.public.orders"))
                .isEqualTo(new ResolvedDataset(
                        AssetId.parse("table:postgres___ext-host_5432.\"shop.public\".orders"), false, Dialect.POSTGRES));
        assertThat(resolver.resolve("hive://metastore:9083", "crm.customers"))
                .isEqualTo(new ResolvedDataset(AssetId.parse("table:hive___metastore_9083.crm.customers"), false, Dialect.HIVE));
        assertThat(resolver.resolve("bigquery", "proj.sales.orders").id())
                .isEqualTo(AssetId.parse("table:bigquery.\"proj.sales\".orders"));
    }

    @Test
    void pathsSplitAtTheirLastSlash() {
        assertThat(resolver.resolve("s3://lake-raw", "/orders/2026/03").id())
                .isEqualTo(AssetId.parse("table:s3___lake-raw.orders/2026.03"));
        assertThat(resolver.resolve("s3://lake-raw", "exports/part-0001.parquet").id())
                .isEqualTo(AssetId.parse("table:s3___lake-raw.exports.\"part-0001.parquet\""));
        assertThat(resolver.resolve("file", "orders").id()).isEqualTo(AssetId.parse("table:file.default.orders"));
    }

    @Test
    void jobsLiveUnderTheirNormalisedNamespace() {
        assertThat(OpenLineageNames.job("airflow-prod", "shop_etl.load_orders"))
                .isEqualTo(AssetId.parse("job:airflow-prod.\"shop_etl.load_orders\""));
        assertThat(OpenLineageNames.externalWarehouse("spark://etl cluster:7077/Ä")).isEqualTo("spark___etl_cluster_7077__");
    }
}

package io.zhongtai.search;

import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.asset.AssetType;
import io.zhongtai.core.asset.OwnerRef;
import io.zhongtai.core.search.SearchDocument;
import io.zhongtai.core.search.SearchDocument.Column;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A small catalog shaped like the demo retail warehouse (demo-retail.md): the tables people
 * search for, some of their columns as assets of their own, a glossary term, personal-data tags,
 * owners and domains, and one soft-deleted table whose name competes with {@code orders}.
 */
public final class RetailCatalog {
    public static final AssetId ORDERS = table("retail", "orders");
    public static final AssetId ORDER_ITEMS = table("retail", "order_items");
    public static final AssetId CUSTOMERS = table("retail", "customers");
    public static final AssetId PRODUCTS = table("retail", "products");
    public static final AssetId STORES = table("retail", "stores");
    public static final AssetId DAILY_SALES = table("mart", "daily_sales");
    public static final AssetId ORDERS_BACKUP = table("retail", "orders_backup");
    public static final AssetId CUSTOMER_EMAIL = column(CUSTOMERS, "email");
    public static final AssetId CUSTOMER_PHONE = column(CUSTOMERS, "phone");
    public static final AssetId CUSTOMER_NAME = column(CUSTOMERS, "customer_name");
    public static final AssetId ORDER_DATE = column(ORDERS, "order_date");
    public static final AssetId ORDER_ID = column(ORDERS, "order_id");
    public static final AssetId GMV_TERM = AssetId.of(AssetType.TERM, "Gross Merchandise Value");
    public static final AssetId RETAIL = AssetId.of(AssetType.SCHEMA, "demo", "retail");

    static final Instant AT = Instant.parse("2026-11-01T00:00:00Z");
    static final OwnerRef SALES_OPS = new OwnerRef(AssetId.of(AssetType.GROUP, "sales-ops"), "Sales operations");
    static final OwnerRef CRM = new OwnerRef(AssetId.of(AssetType.GROUP, "crm"), "CRM team");
    static final OwnerRef DATA_TEAM = new OwnerRef(AssetId.of(AssetType.GROUP, "data-team"), "Data team");
    static final OwnerRef ALICE = new OwnerRef(AssetId.of(AssetType.USER, "alice"), "Alice Chen");

    private RetailCatalog() {}

    /** Every document, the deleted one included: 14 documents, 13 live. */
    public static List<SearchDocument> documents() {
        List<SearchDocument> documents = new ArrayList<>();
        documents.add(SearchDocument.builder(RETAIL)
                .description("Raw tables as the shop's operational systems land them.")
                .owners(List.of(DATA_TEAM)).platform("duckdb").reads(50).updatedAt(AT).build());
        documents.add(orders().build());
        documents.add(SearchDocument.builder(ORDER_ITEMS)
                .description("Order lines: one row per product in an order, with quantity, price and discount. 订单明细。")
                .columns(List.of(
                        new Column("order_id", "The order this line belongs to"),
                        new Column("line_no", null),
                        new Column("product_id", "The product sold"),
                        new Column("quantity", "Units sold on this line"),
                        new Column("unit_price", "Price per unit before discount"),
                        new Column("discount", "Discount rate from 0 to 0.3")))
                .owners(List.of(SALES_OPS)).domain("Sales").platform("duckdb").reads(800).updatedAt(AT).build());
        documents.add(SearchDocument.builder(CUSTOMERS)
                .description("Registered customers with their segment and contact details. 客户信息表，每个客户一行。")
                .columns(List.of(
                        new Column("customer_id", "Customer identifier"),
                        new Column("customer_name", "Full name of the customer"),
                        new Column("gender", "F or M"),
                        new Column("birth_year", null),
                        new Column("city", "City the customer lives in"),
                        new Column("segment", "consumer, corporate or vip"),
                        new Column("email", "E-mail address"),
                        new Column("phone", "Mobile phone number")))
                .tags(List.of("pii")).owners(List.of(CRM)).domain("Customer").platform("duckdb").reads(500).updatedAt(AT)
                .build());
        documents.add(SearchDocument.builder(PRODUCTS)
                .description("Product catalogue: category, brand, unit cost and list price. 商品目录。")
                .columns(List.of(
                        new Column("product_id", "Product identifier"),
                        new Column("product_name", "Name shown to shoppers"),
                        new Column("category", "Electronics, Apparel, Home, Beauty, Grocery, Sports, Toys or Books"),
                        new Column("brand", "Brand name"),
                        new Column("unit_cost", "What one unit costs the shop"),
                        new Column("list_price", "Price before discounts")))
                .platform("duckdb").reads(300).updatedAt(AT).build());
        documents.add(SearchDocument.builder(STORES)
                .description("Physical stores with their city, region and format (flagship, standard, outlet). 门店。")
                .columns(List.of(
                        new Column("store_id", "Store identifier"),
                        new Column("store_name", "Name of the store"),
                        new Column("city", "City of the store"),
                        new Column("region_id", "Region the store belongs to")))
                .owners(List.of(SALES_OPS)).domain("Sales").platform("duckdb").reads(200).updatedAt(AT).build());
        documents.add(SearchDocument.builder(DAILY_SALES)
                .description("Daily revenue, units and number of orders per store and product, from paid orders. 每日销售汇总。")
                .columns(List.of(
                        new Column("sale_date", "Day of the sales"),
                        new Column("store_id", "Store that sold"),
                        new Column("product_id", "Product sold"),
                        new Column("revenue", "Revenue after discounts"),
                        new Column("units", "Units sold"),
                        new Column("orders", "Paid orders that day")))
                .terms(List.of("Gross Merchandise Value")).owners(List.of(DATA_TEAM)).domain("Sales").platform("duckdb")
                .certified(true).reads(2000).updatedAt(AT).build());
        documents.add(SearchDocument.builder(ORDERS_BACKUP)
                .description("Old copy of the orders table, dropped in the last crawl.")
                .columns(List.of(new Column("order_id", "Order identifier")))
                .owners(List.of(SALES_OPS)).domain("Sales").platform("duckdb").reads(5000).updatedAt(AT).deleted(true).build());
        documents.add(column(CUSTOMER_EMAIL, "Email address of the customer", "pii"));
        documents.add(column(CUSTOMER_PHONE, "Mobile phone number of the customer", "pii"));
        documents.add(column(CUSTOMER_NAME, "Full name of the customer", "pii"));
        documents.add(column(ORDER_DATE, "Day the order was placed", null));
        documents.add(column(ORDER_ID, "Order identifier", null));
        documents.add(SearchDocument.builder(GMV_TERM)
                .description("Sum of paid order line amounts after discount.")
                .labels(List.of("GMV", "成交额", "销售额"))
                .owners(List.of(ALICE)).domain("Sales").reads(100).updatedAt(AT).build());
        return documents;
    }

    /** The orders table as the fixture holds it, to change in tests. */
    public static SearchDocument.Builder orders() {
        return SearchDocument.builder(ORDERS)
                .description("Customer orders, one row per order: status, channel, store and date. 订单表，每个订单一行。")
                .columns(List.of(
                        new Column("order_id", "Order identifier"),
                        new Column("customer_id", "The customer who placed the order"),
                        new Column("store_id", "Store that took or fulfils the order"),
                        new Column("order_date", "Day the order was placed"),
                        new Column("status", "paid, cancelled or refunded"),
                        new Column("channel", null)))
                .terms(List.of("Order")).owners(List.of(SALES_OPS)).domain("Sales").platform("duckdb").reads(1200)
                .updatedAt(AT);
    }

    /** Generated filler tables, to make a rebuild take a while. */
    public static List<SearchDocument> filler(int count) {
        List<SearchDocument> documents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            documents.add(SearchDocument.builder(table("staging", "stg_batch_" + i))
                    .description("Staging batch " + i + " loaded by the nightly import.")
                    .columns(List.of(new Column("batch_id", "Batch number"), new Column("loaded_at", "Load time")))
                    .platform("duckdb").updatedAt(AT).build());
        }
        return documents;
    }

    static AssetId table(String schema, String name) {
        return AssetId.of(AssetType.TABLE, "demo", schema, name);
    }

    static AssetId column(AssetId table, String name) {
        return table.child(AssetType.COLUMN, name);
    }

    private static SearchDocument column(AssetId id, String description, String tag) {
        return SearchDocument.builder(id)
                .description(description)
                .tags(tag == null ? List.of() : List.of(tag))
                .platform("duckdb").updatedAt(AT).build();
    }
}

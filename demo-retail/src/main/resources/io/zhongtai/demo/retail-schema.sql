-- The raw layer of the demo warehouse, shaped as operational systems would land it
-- (demo-retail.md). Statements end with a semicolon at the end of a line, and comments
-- hold none, so that DemoRetail can split this file without a SQL parser.
--
-- Tables are created parents first, because a foreign key needs its target to exist.
-- Every table and column gets a description, except the ones the design leaves blank
-- on purpose so that the governance KPIs have gaps to show: customers.birth_year,
-- orders.channel, order_items.line_no and inventory_snapshots.on_hand_qty.
-- Keys and measures are NOT NULL: the governed metrics rely on it.
-- Keys are the design's and no more: order_items and inventory_snapshots get no composite
-- primary key, since each index costs DuckDB about a second per 400,000 appended rows and
-- the generator guarantees their grain anyway.

DROP SCHEMA IF EXISTS mart CASCADE;
DROP SCHEMA IF EXISTS retail CASCADE;
CREATE SCHEMA retail;
CREATE SCHEMA mart;

CREATE TABLE retail.regions (
    region_id      INTEGER NOT NULL PRIMARY KEY,
    region_name    VARCHAR NOT NULL,
    region_name_zh VARCHAR NOT NULL
);
COMMENT ON TABLE retail.regions IS 'Sales regions that group the store network, one row per region (销售大区).';
COMMENT ON COLUMN retail.regions.region_id IS 'Identifier of the region.';
COMMENT ON COLUMN retail.regions.region_name IS 'English name of the region: East, North, South, West, Central or Northeast.';
COMMENT ON COLUMN retail.regions.region_name_zh IS 'Chinese name of the region, for example 华东 for East.';

CREATE TABLE retail.stores (
    store_id    INTEGER NOT NULL PRIMARY KEY,
    store_name  VARCHAR NOT NULL,
    city        VARCHAR NOT NULL,
    region_id   INTEGER NOT NULL REFERENCES retail.regions (region_id),
    store_type  VARCHAR NOT NULL CHECK (store_type IN ('flagship', 'standard', 'outlet')),
    opened_date DATE    NOT NULL
);
COMMENT ON TABLE retail.stores IS 'Physical stores, one row per store. Online orders are fulfilled by a store too (门店).';
COMMENT ON COLUMN retail.stores.store_id IS 'Identifier of the store.';
COMMENT ON COLUMN retail.stores.store_name IS 'Display name of the store, made of its city and location.';
COMMENT ON COLUMN retail.stores.city IS 'City the store is in.';
COMMENT ON COLUMN retail.stores.region_id IS 'Sales region of the store, see retail.regions.';
COMMENT ON COLUMN retail.stores.store_type IS 'Store format: flagship, standard or outlet.';
COMMENT ON COLUMN retail.stores.opened_date IS 'Date the store opened.';

CREATE TABLE retail.customers (
    customer_id   INTEGER NOT NULL PRIMARY KEY,
    customer_name VARCHAR NOT NULL,
    gender        VARCHAR NOT NULL CHECK (gender IN ('F', 'M')),
    birth_year    INTEGER NOT NULL,
    city          VARCHAR NOT NULL,
    segment       VARCHAR NOT NULL CHECK (segment IN ('consumer', 'corporate', 'vip')),
    signup_date   DATE    NOT NULL,
    email         VARCHAR NOT NULL,
    phone         VARCHAR NOT NULL
);
COMMENT ON TABLE retail.customers IS 'Registered customers of the loyalty program, one row per customer (客户).';
COMMENT ON COLUMN retail.customers.customer_id IS 'Identifier of the customer, assigned in signup order.';
COMMENT ON COLUMN retail.customers.customer_name IS 'Full name of the customer.';
COMMENT ON COLUMN retail.customers.gender IS 'Gender as given at signup: F or M.';
COMMENT ON COLUMN retail.customers.city IS 'Home city of the customer.';
COMMENT ON COLUMN retail.customers.segment IS 'Customer segment: consumer, corporate or vip.';
COMMENT ON COLUMN retail.customers.signup_date IS 'Date the customer joined the loyalty program.';
COMMENT ON COLUMN retail.customers.email IS 'Email address of the customer.';
COMMENT ON COLUMN retail.customers.phone IS 'Mobile phone number of the customer.';

CREATE TABLE retail.products (
    product_id   INTEGER       NOT NULL PRIMARY KEY,
    product_name VARCHAR       NOT NULL,
    category     VARCHAR       NOT NULL,
    category_zh  VARCHAR       NOT NULL,
    brand        VARCHAR       NOT NULL,
    unit_cost    DECIMAL(10,2) NOT NULL,
    list_price   DECIMAL(10,2) NOT NULL
);
COMMENT ON TABLE retail.products IS 'Product catalogue, one row per sellable product (商品).';
COMMENT ON COLUMN retail.products.product_id IS 'Identifier of the product.';
COMMENT ON COLUMN retail.products.product_name IS 'Display name of the product.';
COMMENT ON COLUMN retail.products.category IS 'Product category in English, for example Electronics or Grocery.';
COMMENT ON COLUMN retail.products.category_zh IS 'Product category in Chinese, for example 电子产品 for Electronics.';
COMMENT ON COLUMN retail.products.brand IS 'Brand of the product, or publisher for books.';
COMMENT ON COLUMN retail.products.unit_cost IS 'Purchase cost of one unit, in CNY.';
COMMENT ON COLUMN retail.products.list_price IS 'Regular selling price of one unit before discounts, in CNY.';

CREATE TABLE retail.orders (
    order_id    BIGINT  NOT NULL PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES retail.customers (customer_id),
    store_id    INTEGER NOT NULL REFERENCES retail.stores (store_id),
    order_date  DATE    NOT NULL,
    status      VARCHAR NOT NULL CHECK (status IN ('paid', 'cancelled', 'refunded')),
    channel     VARCHAR NOT NULL CHECK (channel IN ('online', 'store'))
);
COMMENT ON TABLE retail.orders IS 'Customer orders from the stores and the online shop, one row per order (订单).';
COMMENT ON COLUMN retail.orders.order_id IS 'Identifier of the order.';
COMMENT ON COLUMN retail.orders.customer_id IS 'Customer who placed the order, see retail.customers.';
COMMENT ON COLUMN retail.orders.store_id IS 'Store where the order was placed or, for online orders, the store that fulfils it.';
COMMENT ON COLUMN retail.orders.order_date IS 'Date the order was placed.';
COMMENT ON COLUMN retail.orders.status IS 'Order status: paid, cancelled or refunded. Only paid orders count as sales.';

CREATE TABLE retail.order_items (
    order_id   BIGINT       NOT NULL REFERENCES retail.orders (order_id),
    line_no    INTEGER      NOT NULL,
    product_id INTEGER      NOT NULL REFERENCES retail.products (product_id),
    quantity   INTEGER      NOT NULL CHECK (quantity > 0),
    unit_price DECIMAL(10,2) NOT NULL,
    discount   DECIMAL(4,3) NOT NULL CHECK (discount >= 0 AND discount < 1)
);
COMMENT ON TABLE retail.order_items IS 'Order lines, one row per product in an order (订单明细).';
COMMENT ON COLUMN retail.order_items.order_id IS 'Order the line belongs to, see retail.orders.';
COMMENT ON COLUMN retail.order_items.product_id IS 'Product sold on the line, see retail.products.';
COMMENT ON COLUMN retail.order_items.quantity IS 'Number of units sold on the line.';
COMMENT ON COLUMN retail.order_items.unit_price IS 'Price of one unit before the discount, in CNY.';
COMMENT ON COLUMN retail.order_items.discount IS 'Discount rate applied to the line, 0 for none and 0.25 for 25 percent off.';

CREATE TABLE retail.inventory_snapshots (
    snapshot_date DATE    NOT NULL,
    store_id      INTEGER NOT NULL REFERENCES retail.stores (store_id),
    product_id    INTEGER NOT NULL REFERENCES retail.products (product_id),
    on_hand_qty   INTEGER NOT NULL
);
COMMENT ON TABLE retail.inventory_snapshots IS 'Weekly stock count taken every Sunday, one row per store and product it carries (库存快照).';
COMMENT ON COLUMN retail.inventory_snapshots.snapshot_date IS 'Sunday on which the stock was counted.';
COMMENT ON COLUMN retail.inventory_snapshots.store_id IS 'Store holding the stock, see retail.stores.';
COMMENT ON COLUMN retail.inventory_snapshots.product_id IS 'Product counted, see retail.products.';

CREATE TABLE retail.customer_feedback (
    feedback_id BIGINT  NOT NULL PRIMARY KEY,
    order_id    BIGINT  NOT NULL REFERENCES retail.orders (order_id),
    customer_id INTEGER NOT NULL REFERENCES retail.customers (customer_id),
    rating      INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    comment     VARCHAR,
    created_at  DATE    NOT NULL
);
COMMENT ON TABLE retail.customer_feedback IS 'Ratings and reviews customers leave on their orders, one row per review (客户评价).';
COMMENT ON COLUMN retail.customer_feedback.feedback_id IS 'Identifier of the review.';
COMMENT ON COLUMN retail.customer_feedback.order_id IS 'Order the review is about, see retail.orders.';
COMMENT ON COLUMN retail.customer_feedback.customer_id IS 'Customer who wrote the review, always the customer of the order.';
COMMENT ON COLUMN retail.customer_feedback.rating IS 'Rating from 1 (worst) to 5 (best).';
COMMENT ON COLUMN retail.customer_feedback.comment IS 'Free-text review, NULL when the customer only gave a rating.';
COMMENT ON COLUMN retail.customer_feedback.created_at IS 'Date the review was written.';

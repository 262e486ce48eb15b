-- load_daily_sales: sales per day, store and product, from paid orders joined to their items.
-- Revenue keeps the five decimals of unit_price x (1 - discount) instead of rounding
-- to cents, so that it sums to exactly the gmv metric computed from retail.

CREATE OR REPLACE TABLE mart.daily_sales AS
SELECT
    o.order_date AS sale_date,
    o.store_id AS store_id,
    i.product_id AS product_id,
    CAST(SUM(i.quantity * i.unit_price * (1 - i.discount)) AS DECIMAL(18, 5)) AS revenue,
    CAST(SUM(i.quantity) AS BIGINT) AS units,
    COUNT(DISTINCT o.order_id) AS orders
FROM retail.orders AS o
JOIN retail.order_items AS i ON i.order_id = o.order_id
WHERE o.status = 'paid'
GROUP BY o.order_date, o.store_id, i.product_id
ORDER BY o.order_date, o.store_id, i.product_id;

COMMENT ON TABLE mart.daily_sales IS 'Paid sales per day, store and product, built by the load_daily_sales job (每日销售).';
COMMENT ON COLUMN mart.daily_sales.sale_date IS 'Date of the orders.';
COMMENT ON COLUMN mart.daily_sales.store_id IS 'Store that sold or fulfilled the orders.';
COMMENT ON COLUMN mart.daily_sales.product_id IS 'Product sold.';
COMMENT ON COLUMN mart.daily_sales.revenue IS 'Revenue after line discounts, in CNY: the sum of quantity x unit_price x (1 - discount).';
COMMENT ON COLUMN mart.daily_sales.units IS 'Units sold.';
COMMENT ON COLUMN mart.daily_sales.orders IS 'Number of distinct paid orders that contain the product.';

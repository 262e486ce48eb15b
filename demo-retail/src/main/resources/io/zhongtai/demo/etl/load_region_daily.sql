-- load_region_daily: revenue and units per day and region, a second hop over mart.daily_sales.
-- No order count here: daily_sales is per product and would count an order once per product.

CREATE OR REPLACE TABLE mart.region_daily AS
SELECT
    d.sale_date AS sale_date,
    r.region_name AS region_name,
    CAST(SUM(d.revenue) AS DECIMAL(18, 5)) AS revenue,
    CAST(SUM(d.units) AS BIGINT) AS units
FROM mart.daily_sales AS d
JOIN retail.stores AS s ON s.store_id = d.store_id
JOIN retail.regions AS r ON r.region_id = s.region_id
GROUP BY d.sale_date, r.region_name
ORDER BY d.sale_date, r.region_name;

COMMENT ON TABLE mart.region_daily IS 'Paid sales per day and region, built by the load_region_daily job (大区每日销售).';
COMMENT ON COLUMN mart.region_daily.sale_date IS 'Date of the orders.';
COMMENT ON COLUMN mart.region_daily.region_name IS 'English name of the region of the store that sold or fulfilled the orders.';
COMMENT ON COLUMN mart.region_daily.revenue IS 'Revenue after line discounts, in CNY.';
COMMENT ON COLUMN mart.region_daily.units IS 'Units sold.';

-- load_inventory_cover: how many days the stock of each snapshot lasts at the pace of
-- the 28 days up to and including the snapshot date.
-- The table gets no descriptions on purpose: it is the governance KPIs' example of an
-- undocumented, unowned table (demo-retail.md).
-- days_of_cover is NULL where nothing sold in those 28 days: the cover is unbounded there.

CREATE OR REPLACE TABLE mart.inventory_cover AS
WITH units_28d AS (
    SELECT
        s.snapshot_date AS snapshot_date,
        s.store_id AS store_id,
        s.product_id AS product_id,
        s.on_hand_qty AS on_hand_qty,
        COALESCE(SUM(d.units), 0) AS units_sold
    FROM retail.inventory_snapshots AS s
    LEFT JOIN mart.daily_sales AS d
        ON d.store_id = s.store_id
        AND d.product_id = s.product_id
        AND d.sale_date BETWEEN s.snapshot_date - 27 AND s.snapshot_date
    GROUP BY s.snapshot_date, s.store_id, s.product_id, s.on_hand_qty
)
SELECT
    u.snapshot_date AS snapshot_date,
    u.store_id AS store_id,
    u.product_id AS product_id,
    u.on_hand_qty AS on_hand_qty,
    CAST(u.units_sold / 28.0 AS DECIMAL(10, 3)) AS avg_daily_units_28d,
    CASE
        WHEN u.units_sold = 0 THEN NULL
        ELSE CAST(u.on_hand_qty * 28.0 / u.units_sold AS DECIMAL(10, 1))
    END AS days_of_cover
FROM units_28d AS u
ORDER BY u.snapshot_date, u.store_id, u.product_id;

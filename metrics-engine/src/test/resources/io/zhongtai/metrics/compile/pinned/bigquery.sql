-- query 1
SELECT t.d0 AS region, t.d1 AS metric_time, t.m0 AS gmv, CAST(t.m1 AS FLOAT64) / NULLIF(t.m2, 0) AS refund_rate, t.m3 AS gmv__same_period_last_year, t.m0 - t.m3 AS gmv__same_period_last_year_diff, CAST(t.m0 - t.m3 AS FLOAT64) / NULLIF(t.m3, 0) AS gmv__same_period_last_year_growth, CAST(t.m4 AS FLOAT64) / NULLIF(t.m5, 0) AS refund_rate__same_period_last_year, CAST(t.m1 AS FLOAT64) / NULLIF(t.m2, 0) - CAST(t.m4 AS FLOAT64) / NULLIF(t.m5, 0) AS refund_rate__same_period_last_year_diff, CAST(CAST(t.m1 AS FLOAT64) / NULLIF(t.m2, 0) - CAST(t.m4 AS FLOAT64) / NULLIF(t.m5, 0) AS FLOAT64) / NULLIF(CAST(t.m4 AS FLOAT64) / NULLIF(t.m5, 0), 0) AS refund_rate__same_period_last_year_growth
FROM (SELECT u.d0, u.d1, MAX(u.m0) AS m0, MAX(u.m1) AS m1, MAX(u.m2) AS m2, MAX(u.m3) AS m3, MAX(u.m4) AS m4, MAX(u.m5) AS m5
    FROM (SELECT regions.region_name AS d0, DATE_TRUNC(CAST(orders.order_date AS DATE), ISOWEEK) AS d1, 1 AS present, SUM(order_items.quantity * order_items.unit_price * (1 - order_items.discount)) AS m0, NULL AS m1, NULL AS m2, NULL AS m3, NULL AS m4, NULL AS m5
          FROM retail.order_items AS order_items
            INNER JOIN retail.orders AS orders ON order_items.order_id = orders.order_id
            INNER JOIN retail.products AS products ON order_items.product_id = products.product_id
            INNER JOIN retail.stores AS stores ON orders.store_id = stores.store_id
            INNER JOIN retail.regions AS regions ON stores.region_id = regions.region_id
          WHERE orders.channel = 'online' AND products.category IN ('Beauty', 'Apparel') AND orders.status = 'paid' AND orders.order_date >= DATE '2024-01-01' AND orders.order_date < DATE '2025-01-01'
          GROUP BY regions.region_name, DATE_TRUNC(CAST(orders.order_date AS DATE), ISOWEEK)
          UNION ALL
          SELECT regions.region_name AS d0, DATE_TRUNC(CAST(orders.order_date AS DATE), ISOWEEK) AS d1, 1 AS present, NULL AS m0, COUNT(DISTINCT CASE WHEN orders.status = 'refunded' THEN orders.order_id ELSE NULL END) AS m1, COUNT(DISTINCT orders.order_id) AS m2, NULL AS m3, NULL AS m4, NULL AS m5
          FROM retail.orders AS orders
            LEFT JOIN retail.order_items AS order_items ON orders.order_id = order_items.order_id
            LEFT JOIN retail.products AS products ON order_items.product_id = products.product_id
            INNER JOIN retail.stores AS stores ON orders.store_id = stores.store_id
            INNER JOIN retail.regions AS regions ON stores.region_id = regions.region_id
          WHERE orders.channel = 'online' AND products.category IN ('Beauty', 'Apparel') AND orders.order_date >= DATE '2024-01-01' AND orders.order_date < DATE '2025-01-01'
          GROUP BY regions.region_name, DATE_TRUNC(CAST(orders.order_date AS DATE), ISOWEEK)
          UNION ALL
          SELECT regions.region_name AS d0, DATE_TRUNC(CAST(DATE_ADD(CAST(orders.order_date AS DATE), INTERVAL 1 YEAR) AS DATE), ISOWEEK) AS d1, NULL AS present, NULL AS m0, NULL AS m1, NULL AS m2, SUM(order_items.quantity * order_items.unit_price * (1 - order_items.discount)) AS m3, NULL AS m4, NULL AS m5
          FROM retail.order_items AS order_items
            INNER JOIN retail.orders AS orders ON order_items.order_id = orders.order_id
            INNER JOIN retail.products AS products ON order_items.product_id = products.product_id
            INNER JOIN retail.stores AS stores ON orders.store_id = stores.store_id
            INNER JOIN retail.regions AS regions ON stores.region_id = regions.region_id
          WHERE orders.channel = 'online' AND products.category IN ('Beauty', 'Apparel') AND orders.status = 'paid' AND orders.order_date >= DATE '2023-01-01' AND orders.order_date < DATE '2024-01-01'
          GROUP BY regions.region_name, DATE_TRUNC(CAST(DATE_ADD(CAST(orders.order_date AS DATE), INTERVAL 1 YEAR) AS DATE), ISOWEEK)
          UNION ALL
          SELECT regions.region_name AS d0, DATE_TRUNC(CAST(DATE_ADD(CAST(orders.order_date AS DATE), INTERVAL 1 YEAR) AS DATE), ISOWEEK) AS d1, NULL AS present, NULL AS m0, NULL AS m1, NULL AS m2, NULL AS m3, COUNT(DISTINCT CASE WHEN orders.status = 'refunded' THEN orders.order_id ELSE NULL END) AS m4, COUNT(DISTINCT orders.order_id) AS m5
          FROM retail.orders AS orders
            LEFT JOIN retail.order_items AS order_items ON orders.order_id = order_items.order_id
            LEFT JOIN retail.products AS products ON order_items.product_id = products.product_id
            INNER JOIN retail.stores AS stores ON orders.store_id = stores.store_id
            INNER JOIN retail.regions AS regions ON stores.region_id = regions.region_id
          WHERE orders.channel = 'online' AND products.category IN ('Beauty', 'Apparel') AND orders.order_date >= DATE '2023-01-01' AND orders.order_date < DATE '2024-01-01'
          GROUP BY regions.region_name, DATE_TRUNC(CAST(DATE_ADD(CAST(orders.order_date AS DATE), INTERVAL 1 YEAR) AS DATE), ISOWEEK)) AS u
    GROUP BY u.d0, u.d1
    HAVING MAX(u.present) = 1) AS t
ORDER BY gmv DESC
LIMIT 11;
-- query 2
SELECT t.d0 AS store_type, t.d1 AS metric_time__month, t.m0 AS inventory_on_hand
FROM (SELECT stores.store_type AS d0, DATE_TRUNC(CAST(inventory_snapshots.snapshot_date AS DATE), MONTH) AS d1, SUM(inventory_snapshots.on_hand_qty) AS m0
    FROM retail.inventory_snapshots AS inventory_snapshots
      INNER JOIN retail.stores AS stores ON inventory_snapshots.store_id = stores.store_id
      INNER JOIN retail.regions AS regions ON stores.region_id = regions.region_id
      INNER JOIN (SELECT MAX(inventory_snapshots.snapshot_date) AS snapshot, DATE_TRUNC(CAST(inventory_snapshots.snapshot_date AS DATE), MONTH) AS period
        FROM retail.inventory_snapshots AS inventory_snapshots
        WHERE inventory_snapshots.snapshot_date >= DATE '2025-01-01' AND inventory_snapshots.snapshot_date < DATE '2025-04-01'
        GROUP BY DATE_TRUNC(CAST(inventory_snapshots.snapshot_date AS DATE), MONTH)) AS last_snapshot ON inventory_snapshots.snapshot_date = last_snapshot.snapshot
    WHERE (regions.region_name = '华东' OR stores.city LIKE 'It\'s \\%') AND inventory_snapshots.snapshot_date >= DATE '2025-01-01' AND inventory_snapshots.snapshot_date < DATE '2025-04-01'
    GROUP BY stores.store_type, DATE_TRUNC(CAST(inventory_snapshots.snapshot_date AS DATE), MONTH)) AS t
ORDER BY store_type, metric_time__month
LIMIT 10001;
-- query 3
SELECT t.d0 AS category, CAST(t.m0 AS FLOAT64) / NULLIF(t.m1, 0) AS avg_order_value, CAST(t.m2 AS FLOAT64) / NULLIF(t.m0, 0) AS gross_margin, CAST(t.m0 - t.m3 AS FLOAT64) / NULLIF(t.m3, 0) AS gmv_yoy
FROM (SELECT u.d0, MAX(u.m0) AS m0, MAX(u.m1) AS m1, MAX(u.m2) AS m2, MAX(u.m3) AS m3
    FROM (SELECT products.category AS d0, 1 AS present, SUM(order_items.quantity * order_items.unit_price * (1 - order_items.discount)) AS m0, NULL AS m1, SUM(order_items.quantity * (order_items.unit_price * (1 - order_items.discount) - products.unit_cost)) AS m2, NULL AS m3
          FROM retail.order_items AS order_items
            INNER JOIN retail.orders AS orders ON order_items.order_id = orders.order_id
            INNER JOIN retail.products AS products ON order_items.product_id = products.product_id
          WHERE orders.status = 'paid' AND orders.order_date >= DATE '2025-01-01' AND orders.order_date < DATE '2026-01-01'
          GROUP BY products.category
          UNION ALL
          SELECT products.category AS d0, 1 AS present, NULL AS m0, COUNT(DISTINCT orders.order_id) AS m1, NULL AS m2, NULL AS m3
          FROM retail.orders AS orders
            LEFT JOIN retail.order_items AS order_items ON orders.order_id = order_items.order_id
            LEFT JOIN retail.products AS products ON order_items.product_id = products.product_id
          WHERE orders.status = 'paid' AND orders.order_date >= DATE '2025-01-01' AND orders.order_date < DATE '2026-01-01'
          GROUP BY products.category
          UNION ALL
          SELECT products.category AS d0, NULL AS present, NULL AS m0, NULL AS m1, NULL AS m2, SUM(order_items.quantity * order_items.unit_price * (1 - order_items.discount)) AS m3
          FROM retail.order_items AS order_items
            INNER JOIN retail.orders AS orders ON order_items.order_id = orders.order_id
            INNER JOIN retail.products AS products ON order_items.product_id = products.product_id
          WHERE orders.status = 'paid' AND orders.order_date >= DATE '2024-01-01' AND orders.order_date < DATE '2025-01-01'
          GROUP BY products.category) AS u
    GROUP BY u.d0
    HAVING MAX(u.present) = 1) AS t
ORDER BY category
LIMIT 10001;

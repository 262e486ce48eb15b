-- query 1
SELECT `t`.`d0` `region`, `t`.`d1` `metric_time`, `t`.`m0` `gmv`, CAST(`t`.`m1` AS DOUBLE) / NULLIF(`t`.`m2`, 0) `refund_rate`, `t`.`m3` `gmv__same_period_last_year`, `t`.`m0` - `t`.`m3` `gmv__same_period_last_year_diff`, CAST(`t`.`m0` - `t`.`m3` AS DOUBLE) / NULLIF(`t`.`m3`, 0) `gmv__same_period_last_year_growth`, CAST(`t`.`m4` AS DOUBLE) / NULLIF(`t`.`m5`, 0) `refund_rate__same_period_last_year`, CAST(`t`.`m1` AS DOUBLE) / NULLIF(`t`.`m2`, 0) - CAST(`t`.`m4` AS DOUBLE) / NULLIF(`t`.`m5`, 0) `refund_rate__same_period_last_year_diff`, CAST(CAST(`t`.`m1` AS DOUBLE) / NULLIF(`t`.`m2`, 0) - CAST(`t`.`m4` AS DOUBLE) / NULLIF(`t`.`m5`, 0) AS DOUBLE) / NULLIF(CAST(`t`.`m4` AS DOUBLE) / NULLIF(`t`.`m5`, 0), 0) `refund_rate__same_period_last_year_growth`
FROM (SELECT `u`.`d0`, `u`.`d1`, MAX(`u`.`m0`) `m0`, MAX(`u`.`m1`) `m1`, MAX(`u`.`m2`) `m2`, MAX(`u`.`m3`) `m3`, MAX(`u`.`m4`) `m4`, MAX(`u`.`m5`) `m5`
    FROM (SELECT `regions`.`region_name` `d0`, date_sub(to_date(`orders`.`order_date`), pmod(datediff(to_date(`orders`.`order_date`), '1900-01-01'), 7)) `d1`, 1 `present`, SUM(`order_items`.`quantity` * `order_items`.`unit_price` * (1 - `order_items`.`discount`)) `m0`, NULL `m1`, NULL `m2`, NULL `m3`, NULL `m4`, NULL `m5`
          FROM `retail`.`order_items` `order_items`
            INNER JOIN `retail`.`orders` `orders` ON `order_items`.`order_id` = `orders`.`order_id`
            INNER JOIN `retail`.`products` `products` ON `order_items`.`product_id` = `products`.`product_id`
            INNER JOIN `retail`.`stores` `stores` ON `orders`.`store_id` = `stores`.`store_id`
            INNER JOIN `retail`.`regions` `regions` ON `stores`.`region_id` = `regions`.`region_id`
          WHERE `orders`.`channel` = 'online' AND `products`.`category` IN ('Beauty', 'Apparel') AND `orders`.`status` = 'paid' AND `orders`.`order_date` >= DATE '2024-01-01' AND `orders`.`order_date` < DATE '2025-01-01'
          GROUP BY `regions`.`region_name`, date_sub(to_date(`orders`.`order_date`), pmod(datediff(to_date(`orders`.`order_date`), '1900-01-01'), 7))
          UNION ALL
          SELECT `regions`.`region_name` `d0`, date_sub(to_date(`orders`.`order_date`), pmod(datediff(to_date(`orders`.`order_date`), '1900-01-01'), 7)) `d1`, 1 `present`, NULL `m0`, COUNT(DISTINCT CASE WHEN `orders`.`status` = 'refunded' THEN `orders`.`order_id` ELSE NULL END) `m1`, COUNT(DISTINCT `orders`.`order_id`) `m2`, NULL `m3`, NULL `m4`, NULL `m5`
          FROM `retail`.`orders` `orders`
            LEFT JOIN `retail`.`order_items` `order_items` ON `orders`.`order_id` = `order_items`.`order_id`
            LEFT JOIN `retail`.`products` `products` ON `order_items`.`product_id` = `products`.`product_id`
            INNER JOIN `retail`.`stores` `stores` ON `orders`.`store_id` = `stores`.`store_id`
            INNER JOIN `retail`.`regions` `regions` ON `stores`.`region_id` = `regions`.`region_id`
          WHERE `orders`.`channel` = 'online' AND `products`.`category` IN ('Beauty', 'Apparel') AND `orders`.`order_date` >= DATE '2024-01-01' AND `orders`.`order_date` < DATE '2025-01-01'
          GROUP BY `regions`.`region_name`, date_sub(to_date(`orders`.`order_date`), pmod(datediff(to_date(`orders`.`order_date`), '1900-01-01'), 7))
          UNION ALL
          SELECT `regions`.`region_name` `d0`, date_sub(to_date(add_months(`orders`.`order_date`, 12)), pmod(datediff(to_date(add_months(`orders`.`order_date`, 12)), '1900-01-01'), 7)) `d1`, NULL `present`, NULL `m0`, NULL `m1`, NULL `m2`, SUM(`order_items`.`quantity` * `order_items`.`unit_price` * (1 - `order_items`.`discount`)) `m3`, NULL `m4`, NULL `m5`
          FROM `retail`.`order_items` `order_items`
            INNER JOIN `retail`.`orders` `orders` ON `order_items`.`order_id` = `orders`.`order_id`
            INNER JOIN `retail`.`products` `products` ON `order_items`.`product_id` = `products`.`product_id`
            INNER JOIN `retail`.`stores` `stores` ON `orders`.`store_id` = `stores`.`store_id`
            INNER JOIN `retail`.`regions` `regions` ON `stores`.`region_id` = `regions`.`region_id`
          WHERE `orders`.`channel` = 'online' AND `products`.`category` IN ('Beauty', 'Apparel') AND `orders`.`status` = 'paid' AND `orders`.`order_date` >= DATE '2023-01-01' AND `orders`.`order_date` < DATE '2024-01-01'
          GROUP BY `regions`.`region_name`, date_sub(to_date(add_months(`orders`.`order_date`, 12)), pmod(datediff(to_date(add_months(`orders`.`order_date`, 12)), '1900-01-01'), 7))
          UNION ALL
          SELECT `regions`.`region_name` `d0`, date_sub(to_date(add_months(`orders`.`order_date`, 12)), pmod(datediff(to_date(add_months(`orders`.`order_date`, 12)), '1900-01-01'), 7)) `d1`, NULL `present`, NULL `m0`, NULL `m1`, NULL `m2`, NULL `m3`, COUNT(DISTINCT CASE WHEN `orders`.`status` = 'refunded' THEN `orders`.`order_id` ELSE NULL END) `m4`, COUNT(DISTINCT `orders`.`order_id`) `m5`
          FROM `retail`.`orders` `orders`
            LEFT JOIN `retail`.`order_items` `order_items` ON `orders`.`order_id` = `order_items`.`order_id`
            LEFT JOIN `retail`.`products` `products` ON `order_items`.`product_id` = `products`.`product_id`
            INNER JOIN `retail`.`stores` `stores` ON `orders`.`store_id` = `stores`.`store_id`
            INNER JOIN `retail`.`regions` `regions` ON `stores`.`region_id` = `regions`.`region_id`
          WHERE `orders`.`channel` = 'online' AND `products`.`category` IN ('Beauty', 'Apparel') AND `orders`.`order_date` >= DATE '2023-01-01' AND `orders`.`order_date` < DATE '2024-01-01'
          GROUP BY `regions`.`region_name`, date_sub(to_date(add_months(`orders`.`order_date`, 12)), pmod(datediff(to_date(add_months(`orders`.`order_date`, 12)), '1900-01-01'), 7))) `u`
    GROUP BY `u`.`d0`, `u`.`d1`
    HAVING MAX(`u`.`present`) = 1) `t`
ORDER BY `gmv` DESC
LIMIT 11;
-- query 2
SELECT `t`.`d0` `store_type`, `t`.`d1` `metric_time__month`, `t`.`m0` `inventory_on_hand`
FROM (SELECT `stores`.`store_type` `d0`, trunc(`inventory_snapshots`.`snapshot_date`, 'MM') `d1`, SUM(`inventory_snapshots`.`on_hand_qty`) `m0`
    FROM `retail`.`inventory_snapshots` `inventory_snapshots`
      INNER JOIN `retail`.`stores` `stores` ON `inventory_snapshots`.`store_id` = `stores`.`store_id`
      INNER JOIN `retail`.`regions` `regions` ON `stores`.`region_id` = `regions`.`region_id`
      INNER JOIN (SELECT MAX(`inventory_snapshots`.`snapshot_date`) `snapshot`, trunc(`inventory_snapshots`.`snapshot_date`, 'MM') `period`
        FROM `retail`.`inventory_snapshots` `inventory_snapshots`
        WHERE `inventory_snapshots`.`snapshot_date` >= DATE '2025-01-01' AND `inventory_snapshots`.`snapshot_date` < DATE '2025-04-01'
        GROUP BY trunc(`inventory_snapshots`.`snapshot_date`, 'MM')) `last_snapshot` ON `inventory_snapshots`.`snapshot_date` = `last_snapshot`.`snapshot`
    WHERE (`regions`.`region_name` = '华东' OR `stores`.`city` LIKE 'It''s \\%') AND `inventory_snapshots`.`snapshot_date` >= DATE '2025-01-01' AND `inventory_snapshots`.`snapshot_date` < DATE '2025-04-01'
    GROUP BY `stores`.`store_type`, trunc(`inventory_snapshots`.`snapshot_date`, 'MM')) `t`
ORDER BY `store_type`, `metric_time__month`
LIMIT 10001;
-- query 3
SELECT `t`.`d0` `category`, CAST(`t`.`m0` AS DOUBLE) / NULLIF(`t`.`m1`, 0) `avg_order_value`, CAST(`t`.`m2` AS DOUBLE) / NULLIF(`t`.`m0`, 0) `gross_margin`, CAST(`t`.`m0` - `t`.`m3` AS DOUBLE) / NULLIF(`t`.`m3`, 0) `gmv_yoy`
FROM (SELECT `u`.`d0`, MAX(`u`.`m0`) `m0`, MAX(`u`.`m1`) `m1`, MAX(`u`.`m2`) `m2`, MAX(`u`.`m3`) `m3`
    FROM (SELECT `products`.`category` `d0`, 1 `present`, SUM(`order_items`.`quantity` * `order_items`.`unit_price` * (1 - `order_items`.`discount`)) `m0`, NULL `m1`, SUM(`order_items`.`quantity` * (`order_items`.`unit_price` * (1 - `order_items`.`discount`) - `products`.`unit_cost`)) `m2`, NULL `m3`
          FROM `retail`.`order_items` `order_items`
            INNER JOIN `retail`.`orders` `orders` ON `order_items`.`order_id` = `orders`.`order_id`
            INNER JOIN `retail`.`products` `products` ON `order_items`.`product_id` = `products`.`product_id`
          WHERE `orders`.`status` = 'paid' AND `orders`.`order_date` >= DATE '2025-01-01' AND `orders`.`order_date` < DATE '2026-01-01'
          GROUP BY `products`.`category`
          UNION ALL
          SELECT `products`.`category` `d0`, 1 `present`, NULL `m0`, COUNT(DISTINCT `orders`.`order_id`) `m1`, NULL `m2`, NULL `m3`
          FROM `retail`.`orders` `orders`
            LEFT JOIN `retail`.`order_items` `order_items` ON `orders`.`order_id` = `order_items`.`order_id`
            LEFT JOIN `retail`.`products` `products` ON `order_items`.`product_id` = `products`.`product_id`
          WHERE `orders`.`status` = 'paid' AND `orders`.`order_date` >= DATE '2025-01-01' AND `orders`.`order_date` < DATE '2026-01-01'
          GROUP BY `products`.`category`
          UNION ALL
          SELECT `products`.`category` `d0`, NULL `present`, NULL `m0`, NULL `m1`, NULL `m2`, SUM(`order_items`.`quantity` * `order_items`.`unit_price` * (1 - `order_items`.`discount`)) `m3`
          FROM `retail`.`order_items` `order_items`
            INNER JOIN `retail`.`orders` `orders` ON `order_items`.`order_id` = `orders`.`order_id`
            INNER JOIN `retail`.`products` `products` ON `order_items`.`product_id` = `products`.`product_id`
          WHERE `orders`.`status` = 'paid' AND `orders`.`order_date` >= DATE '2024-01-01' AND `orders`.`order_date` < DATE '2025-01-01'
          GROUP BY `products`.`category`) `u`
    GROUP BY `u`.`d0`
    HAVING MAX(`u`.`present`) = 1) `t`
ORDER BY `category`
LIMIT 10001;

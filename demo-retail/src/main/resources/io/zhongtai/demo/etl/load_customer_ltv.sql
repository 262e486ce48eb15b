-- load_customer_ltv: lifetime value of every customer who has at least one paid order.
-- Customers who never paid for an order are left out rather than given NULL dates.

CREATE OR REPLACE TABLE mart.customer_ltv AS
WITH paid_orders AS (
    SELECT
        o.order_id AS order_id,
        o.customer_id AS customer_id,
        o.order_date AS order_date,
        SUM(i.quantity * i.unit_price * (1 - i.discount)) AS revenue
    FROM retail.orders AS o
    JOIN retail.order_items AS i ON i.order_id = o.order_id
    WHERE o.status = 'paid'
    GROUP BY o.order_id, o.customer_id, o.order_date
)
SELECT
    p.customer_id AS customer_id,
    MIN(p.order_date) AS first_order_date,
    MAX(p.order_date) AS last_order_date,
    COUNT(p.order_id) AS orders,
    CAST(SUM(p.revenue) AS DECIMAL(18, 5)) AS revenue
FROM paid_orders AS p
GROUP BY p.customer_id
ORDER BY p.customer_id;

COMMENT ON TABLE mart.customer_ltv IS 'Lifetime value per customer over paid orders, built by the load_customer_ltv job (客户终身价值).';
COMMENT ON COLUMN mart.customer_ltv.customer_id IS 'Customer, see retail.customers.';
COMMENT ON COLUMN mart.customer_ltv.first_order_date IS 'Date of the first paid order of the customer.';
COMMENT ON COLUMN mart.customer_ltv.last_order_date IS 'Date of the latest paid order of the customer.';
COMMENT ON COLUMN mart.customer_ltv.orders IS 'Number of paid orders of the customer.';
COMMENT ON COLUMN mart.customer_ltv.revenue IS 'Revenue of all paid orders of the customer after line discounts, in CNY.';

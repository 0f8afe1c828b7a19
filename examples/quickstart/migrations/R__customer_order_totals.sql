-- Repeatable: re-applied whenever this file changes.
CREATE OR REPLACE VIEW customer_order_totals AS
SELECT c.id AS customer_id,
       c.name,
       COUNT(o.id) AS orders,
       COALESCE(SUM(o.total_cents), 0) AS total_cents
FROM customer c
LEFT JOIN shop_order o ON o.customer_id = c.id
GROUP BY c.id, c.name;

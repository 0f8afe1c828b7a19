-- case: add-check
-- rule: add-check-constraint
-- expect: add-check-constraint@4
ALTER TABLE orders ADD CONSTRAINT orders_total_pos CHECK (total >= 0);

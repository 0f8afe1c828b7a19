-- case: add-check-not-valid-ok
-- rule: add-check-constraint
-- expect: none
ALTER TABLE orders ADD CONSTRAINT orders_total_pos CHECK (total >= 0) NOT VALID;

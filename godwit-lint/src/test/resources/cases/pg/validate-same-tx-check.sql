-- case: validate-same-tx-check
-- rule: validate-constraint-same-transaction
-- tx: on
-- expect: validate-constraint-same-transaction@6
ALTER TABLE orders ADD CONSTRAINT orders_total_pos CHECK (total >= 0) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_total_pos;

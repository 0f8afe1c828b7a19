-- case: validate-after-commit-ok
-- rule: validate-constraint-same-transaction
-- expect: none
BEGIN;
ALTER TABLE orders ADD CONSTRAINT orders_total_pos CHECK (total >= 0) NOT VALID;
COMMIT;
ALTER TABLE orders VALIDATE CONSTRAINT orders_total_pos;

-- case: my-add-check
-- rule: add-check-constraint
-- expect: add-check-constraint@4
ALTER TABLE orders ADD CONSTRAINT chk_total CHECK (total >= 0);

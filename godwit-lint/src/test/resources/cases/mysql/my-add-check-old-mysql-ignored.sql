-- case: my-add-check-old-mysql-ignored
-- rule: add-check-constraint
-- version: 8.0.13
-- expect: none
ALTER TABLE orders ADD CONSTRAINT chk_total CHECK (total >= 0);

-- case: add-check-inline-on-column
-- rule: add-check-constraint
-- expect: add-check-constraint@4
ALTER TABLE orders ADD COLUMN discount numeric CHECK (discount >= 0);

-- case: my-add-check-not-enforced-ok
-- rule: add-check-constraint
-- expect: none
ALTER TABLE orders ADD CONSTRAINT chk_total CHECK (total >= 0) NOT ENFORCED;

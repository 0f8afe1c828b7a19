-- case: add-check-new-table-ok
-- rule: add-check-constraint
-- expect: none
CREATE TABLE coupons (id bigint, pct int);
ALTER TABLE coupons ADD CONSTRAINT pct_range CHECK (pct BETWEEN 0 AND 100);

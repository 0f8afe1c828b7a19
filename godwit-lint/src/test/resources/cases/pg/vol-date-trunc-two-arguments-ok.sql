-- case: vol-date-trunc-two-arguments-ok
-- rule: add-column-volatile-default
-- expect: none
ALTER TABLE orders ADD COLUMN day timestamptz DEFAULT date_trunc('day', now());

-- case: vol-catalog-says-volatile
-- rule: add-column-volatile-default
-- volatility: next_ref/0=v
-- expect: add-column-volatile-default@5
ALTER TABLE orders ADD COLUMN ref text DEFAULT next_ref();

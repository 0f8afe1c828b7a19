-- case: vol-catalog-says-stable-ok
-- rule: add-column-volatile-default
-- volatility: current_region/0=s
-- expect: none
ALTER TABLE orders ADD COLUMN region text DEFAULT current_region();

-- case: vol-catalog-other-arity
-- rule: add-column-volatile-default
-- volatility: current_region/0=s
-- expect: add-column-volatile-default@5
ALTER TABLE orders ADD COLUMN region text DEFAULT current_region('eu');

-- case: vol-lower-without-argument
-- rule: add-column-volatile-default
-- expect: add-column-volatile-default@4
ALTER TABLE orders ADD COLUMN code text DEFAULT lower();

-- case: vol-now-with-argument
-- rule: add-column-volatile-default
-- expect: add-column-volatile-default@4
ALTER TABLE orders ADD COLUMN seen_at timestamptz DEFAULT now(123);

-- case: volatile-default-clock
-- rule: add-column-volatile-default
-- expect: add-column-volatile-default@4
ALTER TABLE orders
  ADD COLUMN seen_at timestamptz NOT NULL DEFAULT clock_timestamp();

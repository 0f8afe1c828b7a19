-- case: vol-pg-catalog-now-ok
-- rule: add-column-volatile-default
-- expect: none
ALTER TABLE orders ADD COLUMN created_at timestamptz DEFAULT pg_catalog.now();

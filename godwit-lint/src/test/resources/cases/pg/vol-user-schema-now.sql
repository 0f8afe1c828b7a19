-- case: vol-user-schema-now
-- rule: add-column-volatile-default
-- expect: add-column-volatile-default@5
-- app.now() is the application's own function, not the built-in
ALTER TABLE orders ADD COLUMN created_at timestamptz DEFAULT app.now();

-- case: constant-default-pg10-rewrites
-- rule: add-column-volatile-default
-- version: 10
-- expect: add-column-volatile-default@5
ALTER TABLE orders ADD COLUMN status text DEFAULT 'new';

-- case: vol-user-uuid-no-args
-- rule: add-column-volatile-default
-- expect: add-column-volatile-default@4
ALTER TABLE orders ADD COLUMN token uuid DEFAULT uuid();

-- case: volatile-default-uuid
-- rule: add-column-volatile-default
-- expect: add-column-volatile-default@4
ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid();

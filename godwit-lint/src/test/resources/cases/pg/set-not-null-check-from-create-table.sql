-- case: set-not-null-check-from-create-table
-- rule: set-not-null
-- expect: none
CREATE TABLE items (id bigint PRIMARY KEY, sku text, CONSTRAINT sku_nn CHECK (sku IS NOT NULL AND length(sku) > 0));
-- @applied-above
ALTER TABLE items ALTER COLUMN sku SET NOT NULL;

-- case: type-column-added-to-old-table
-- rule: change-column-type
-- expect: change-column-type@5
ALTER TABLE orders ADD COLUMN ref int;
ALTER TABLE orders ALTER COLUMN ref TYPE bigint;

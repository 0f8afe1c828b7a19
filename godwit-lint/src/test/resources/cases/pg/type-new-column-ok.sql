-- case: type-new-column-ok
-- rule: change-column-type
-- expect: none
ALTER TABLE orders ADD COLUMN ref int;
ALTER TABLE orders ALTER COLUMN ref TYPE bigint;

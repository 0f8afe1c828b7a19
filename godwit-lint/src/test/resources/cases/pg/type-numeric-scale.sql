-- case: type-numeric-scale
-- rule: change-column-type
-- expect: change-column-type@6
CREATE TABLE prices (amount numeric(10,2));
-- @applied-above
ALTER TABLE prices ALTER COLUMN amount TYPE numeric(12,4);

-- case: type-unknown-old
-- rule: change-column-type
-- expect: change-column-type@4
ALTER TABLE orders ALTER COLUMN total TYPE numeric(12,2);

-- case: my-modify-type-unknown
-- rule: change-column-type
-- expect: change-column-type@4
ALTER TABLE orders MODIFY COLUMN note TEXT;

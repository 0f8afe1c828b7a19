-- case: ni-maria-add-column
-- rule: non-idempotent-statement
-- expect: non-idempotent-statement@4
ALTER TABLE users ADD COLUMN nickname VARCHAR(40);

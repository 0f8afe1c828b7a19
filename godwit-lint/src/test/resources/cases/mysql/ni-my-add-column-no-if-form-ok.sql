-- case: ni-my-add-column-no-if-form-ok
-- rule: non-idempotent-statement
-- expect: none
ALTER TABLE users ADD COLUMN nickname VARCHAR(40);

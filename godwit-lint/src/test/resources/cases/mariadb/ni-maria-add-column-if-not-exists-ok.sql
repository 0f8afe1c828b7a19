-- case: ni-maria-add-column-if-not-exists-ok
-- rule: non-idempotent-statement
-- expect: none
ALTER TABLE users ADD COLUMN IF NOT EXISTS nickname VARCHAR(40);

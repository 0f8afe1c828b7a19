-- case: ni-no-tx-add-column-if-not-exists-ok
-- rule: non-idempotent-statement
-- tx: off
-- expect: none
ALTER TABLE users ADD COLUMN IF NOT EXISTS nickname text;

-- case: ni-no-tx-add-column
-- rule: non-idempotent-statement
-- tx: off
-- expect: non-idempotent-statement@5
ALTER TABLE users ADD COLUMN nickname text;

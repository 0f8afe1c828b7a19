-- case: ni-no-tx-add-column
-- rule: non-idempotent-statement
-- tx: off
-- expect: non-idempotent-statement@6
ALTER TABLE users ADD COLUMN IF NOT EXISTS nickname text;
ALTER TABLE users ADD COLUMN avatar_url text;

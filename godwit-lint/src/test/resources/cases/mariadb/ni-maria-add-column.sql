-- case: ni-maria-add-column
-- rule: non-idempotent-statement
-- expect: non-idempotent-statement@5
ALTER TABLE users ADD COLUMN IF NOT EXISTS nickname VARCHAR(40);
ALTER TABLE users ADD COLUMN avatar_url VARCHAR(200);

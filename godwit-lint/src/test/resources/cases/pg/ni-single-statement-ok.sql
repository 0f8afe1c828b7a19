-- case: ni-single-statement-ok
-- rule: non-idempotent-statement
-- tx: off
-- expect: none
ALTER TABLE users ADD COLUMN nickname text;

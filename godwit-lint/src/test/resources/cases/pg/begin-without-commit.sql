-- case: begin-without-commit
-- rule: unbalanced-transaction
-- expect: unbalanced-transaction@4
BEGIN;
ALTER TABLE users ADD COLUMN nickname text;

-- case: commit-without-begin
-- rule: unbalanced-transaction
-- expect: unbalanced-transaction@5 non-idempotent-statement@4
ALTER TABLE users ADD COLUMN nickname text;
COMMIT;

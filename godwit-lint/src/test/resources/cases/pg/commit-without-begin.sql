-- case: commit-without-begin
-- rule: unbalanced-transaction
-- expect: unbalanced-transaction@5
ALTER TABLE users ADD COLUMN nickname text;
COMMIT;

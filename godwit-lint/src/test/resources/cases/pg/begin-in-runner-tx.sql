-- case: begin-in-runner-tx
-- rule: unbalanced-transaction
-- tx: on
-- expect: unbalanced-transaction@5
BEGIN;
ALTER TABLE users ADD COLUMN nickname text;
COMMIT;

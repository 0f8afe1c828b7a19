-- case: sl-begin-in-runner-tx
-- rule: unbalanced-transaction
-- tx: on
-- expect: unbalanced-transaction@5
BEGIN;
CREATE TABLE x (id INTEGER);
COMMIT;

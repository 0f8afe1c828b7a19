-- case: tx-start-transaction-in-runner-tx
-- rule: unbalanced-transaction
-- tx: on
-- expect: unbalanced-transaction@5
START TRANSACTION;
ALTER TABLE users ADD COLUMN IF NOT EXISTS nickname text;
COMMIT;

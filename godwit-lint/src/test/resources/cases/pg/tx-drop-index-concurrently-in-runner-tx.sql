-- case: tx-drop-index-concurrently-in-runner-tx
-- rule: statement-not-allowed-in-transaction
-- tx: on
-- expect: statement-not-allowed-in-transaction@5
DROP INDEX CONCURRENTLY IF EXISTS users_email_idx;

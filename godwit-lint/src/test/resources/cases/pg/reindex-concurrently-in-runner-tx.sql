-- case: reindex-concurrently-in-runner-tx
-- rule: statement-not-allowed-in-transaction
-- tx: on
-- expect: statement-not-allowed-in-transaction@5
REINDEX INDEX CONCURRENTLY users_email_idx;

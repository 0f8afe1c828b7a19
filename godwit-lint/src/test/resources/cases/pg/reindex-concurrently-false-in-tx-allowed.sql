-- case: reindex-concurrently-false-in-tx-allowed
-- rule: statement-not-allowed-in-transaction
-- tx: on
-- expect: reindex-non-concurrently@5
REINDEX (CONCURRENTLY FALSE, VERBOSE) INDEX users_email_idx;

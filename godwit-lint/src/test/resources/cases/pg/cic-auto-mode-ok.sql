-- case: cic-auto-mode-ok
-- rule: statement-not-allowed-in-transaction
-- expect: non-idempotent-statement@4 non-idempotent-statement@5
CREATE INDEX CONCURRENTLY users_email_idx ON users (email);
DROP INDEX CONCURRENTLY users_old_idx;

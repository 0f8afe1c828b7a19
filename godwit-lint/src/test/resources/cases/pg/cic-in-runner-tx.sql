-- case: cic-in-runner-tx
-- rule: statement-not-allowed-in-transaction
-- tx: on
-- expect: statement-not-allowed-in-transaction@5
CREATE INDEX CONCURRENTLY users_email_idx ON users (email);

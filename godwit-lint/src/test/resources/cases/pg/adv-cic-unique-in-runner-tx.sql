-- case: adv-cic-unique-in-runner-tx
-- rule: create-index-non-concurrently
-- tx: on
-- expect: statement-not-allowed-in-transaction@5
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS users_email_key ON users (email);

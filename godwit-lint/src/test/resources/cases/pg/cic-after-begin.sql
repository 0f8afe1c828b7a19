-- case: cic-after-begin
-- rule: statement-not-allowed-in-transaction
-- expect: statement-not-allowed-in-transaction@5
BEGIN;
CREATE INDEX CONCURRENTLY users_email_idx ON users (email);
COMMIT;

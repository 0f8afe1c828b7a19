-- case: ni-cic-without-if-not-exists
-- rule: non-idempotent-statement
-- expect: non-idempotent-statement@4
CREATE INDEX CONCURRENTLY users_email_idx ON users (email);

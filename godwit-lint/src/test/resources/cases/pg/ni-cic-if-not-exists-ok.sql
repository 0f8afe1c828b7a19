-- case: ni-cic-if-not-exists-ok
-- rule: non-idempotent-statement
-- expect: none
CREATE INDEX CONCURRENTLY IF NOT EXISTS users_email_idx ON users (email);

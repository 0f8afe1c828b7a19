-- case: cic-concurrently-ok
-- rule: create-index-non-concurrently
-- tx: auto
-- expect: none
CREATE INDEX CONCURRENTLY IF NOT EXISTS users_email_idx ON users (email);

-- case: ni-unnamed-index-ok
-- rule: non-idempotent-statement
-- tx: off
-- expect: create-index-non-concurrently@6
-- An unnamed index gets a fresh name on every run: a retry does not fail on it.
CREATE INDEX ON users (email);
CREATE INDEX CONCURRENTLY IF NOT EXISTS users_name_idx ON users (name);

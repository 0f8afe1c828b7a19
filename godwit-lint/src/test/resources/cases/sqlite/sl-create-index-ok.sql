-- case: sl-create-index-ok
-- rule: create-index-non-concurrently
-- expect: none
CREATE INDEX IF NOT EXISTS users_email ON users (email);

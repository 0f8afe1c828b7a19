-- case: cic-plain
-- rule: create-index-non-concurrently
-- expect: create-index-non-concurrently@4
CREATE INDEX users_email_idx ON users (email);

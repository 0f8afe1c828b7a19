-- case: suppression-without-reason
-- rule: create-index-non-concurrently
-- expect: create-index-non-concurrently@5 invalid-suppression@4
-- godwit:allow create-index-non-concurrently
CREATE INDEX users_email_idx ON users (email);

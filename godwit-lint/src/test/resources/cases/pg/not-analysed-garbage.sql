-- case: not-analysed-garbage
-- rule: create-index-non-concurrently
-- expect: not-analysed@4 create-index-non-concurrently@5
FROBNICATE TABLE users;
CREATE INDEX users_email_idx ON users (email);

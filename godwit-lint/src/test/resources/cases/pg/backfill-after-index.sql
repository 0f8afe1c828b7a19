-- case: backfill-after-index
-- rule: backfill-in-ddl-transaction
-- expect: create-index-non-concurrently@4 backfill-in-ddl-transaction@5
CREATE INDEX users_email_idx ON users (email);
DELETE FROM users WHERE email LIKE '%@spam.example';

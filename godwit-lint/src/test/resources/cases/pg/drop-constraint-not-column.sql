-- case: drop-constraint-not-column
-- rule: drop-column
-- expect: none
ALTER TABLE users DROP CONSTRAINT users_email_key;
ALTER TABLE users ALTER COLUMN email DROP DEFAULT;

-- case: drop-not-null
-- rule: drop-not-null
-- expect: drop-not-null@4
ALTER TABLE users ALTER COLUMN phone DROP NOT NULL;

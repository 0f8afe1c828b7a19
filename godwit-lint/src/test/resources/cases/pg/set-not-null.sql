-- case: set-not-null
-- rule: set-not-null
-- expect: set-not-null@4
ALTER TABLE users ALTER COLUMN email SET NOT NULL;

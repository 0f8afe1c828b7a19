-- case: set-not-null-column-added-to-old-table
-- rule: set-not-null
-- expect: set-not-null@5
ALTER TABLE users ADD COLUMN nickname text;
ALTER TABLE users ALTER COLUMN nickname SET NOT NULL;

-- case: set-not-null-column-added-here-pre-deploy
-- rule: set-not-null
-- expect: set-not-null@5
ALTER TABLE users ADD COLUMN nickname text;
ALTER TABLE users ALTER COLUMN nickname SET NOT NULL;

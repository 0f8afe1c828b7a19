-- Release 2, pre-deploy: expand. The old code neither reads nor writes full_name, so a nullable
-- column without a default is invisible to it; the default on name lets the new code stop writing
-- name while the column still exists. Both are catalog-only changes.
ALTER TABLE users ADD COLUMN full_name VARCHAR(200);
ALTER TABLE users ALTER COLUMN name SET DEFAULT '';

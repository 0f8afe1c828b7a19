-- Release 2, post-deploy, after the backfill: contract. NOT NULL through a CHECK added NOT VALID
-- (instant) and validated (SHARE UPDATE EXCLUSIVE: reads and writes go on), so SET NOT NULL skips
-- its scan; then the old column goes. No running code names it any more.
-- godwit:phase post
ALTER TABLE users ADD CONSTRAINT users_full_name_not_null CHECK (full_name IS NOT NULL) NOT VALID;
ALTER TABLE users VALIDATE CONSTRAINT users_full_name_not_null;
ALTER TABLE users ALTER COLUMN full_name SET NOT NULL;
ALTER TABLE users DROP CONSTRAINT users_full_name_not_null;
-- godwit:allow drop-column the new code reads full_name; name has been unused since release 2
ALTER TABLE users DROP COLUMN name;

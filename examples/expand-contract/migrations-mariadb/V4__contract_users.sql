-- Release 2, post-deploy, after the backfill: contract. MariaDB makes the column NOT NULL in
-- place (the application's reads and writes continue while it rebuilds) and drops the old column,
-- which no running code names any more.
-- godwit:phase post
ALTER TABLE users MODIFY full_name VARCHAR(200) NOT NULL;
-- godwit:allow drop-column the new code reads full_name; name has been unused since release 2
ALTER TABLE users DROP COLUMN name;

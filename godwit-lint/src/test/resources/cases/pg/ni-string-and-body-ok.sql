-- case: ni-string-and-body-ok
-- rule: non-idempotent-statement
-- expect: none
CREATE INDEX CONCURRENTLY IF NOT EXISTS users_note_idx ON users (note);
DO $$ BEGIN CREATE TABLE x (id int); EXCEPTION WHEN duplicate_table THEN NULL; END $$;

-- case: drop-not-null-new-column-ok
-- rule: drop-not-null
-- expect: none
ALTER TABLE users ADD COLUMN phone2 text NOT NULL DEFAULT '';
ALTER TABLE users ALTER COLUMN phone2 DROP NOT NULL;

-- case: adv-do-and-function-bodies
-- rule: drop-table
-- expect: none
DO $do$ BEGIN EXECUTE 'DROP TABLE users'; ALTER TABLE users DROP COLUMN x; END $do$;
CREATE OR REPLACE FUNCTION nuke() RETURNS void AS $$ DROP TABLE accounts; $$ LANGUAGE sql;
COMMENT ON COLUMN users.x IS 'DROP COLUMN x later; TRUNCATE users';

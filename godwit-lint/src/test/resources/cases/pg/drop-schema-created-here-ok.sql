-- case: drop-schema-created-here-ok
-- rule: drop-schema-or-database
-- expect: none
CREATE SCHEMA scratch;
DROP SCHEMA scratch;

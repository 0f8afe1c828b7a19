-- case: drop-schema
-- rule: drop-schema-or-database
-- expect: drop-schema-or-database@4
DROP SCHEMA legacy CASCADE;

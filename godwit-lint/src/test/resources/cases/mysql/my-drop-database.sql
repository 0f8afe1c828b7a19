-- case: my-drop-database
-- rule: drop-schema-or-database
-- expect: drop-schema-or-database@4
DROP DATABASE legacy;

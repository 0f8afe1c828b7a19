-- case: drop-table
-- rule: drop-table
-- expect: drop-table@4
DROP TABLE IF EXISTS sessions;

-- case: truncate
-- rule: truncate-table
-- expect: truncate-table@4
TRUNCATE TABLE sessions;

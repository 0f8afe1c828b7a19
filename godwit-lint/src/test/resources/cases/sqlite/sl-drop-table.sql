-- case: sl-drop-table
-- rule: drop-table
-- expect: drop-table@4
DROP TABLE sessions;

-- case: sl-drop-column
-- rule: drop-column
-- expect: drop-column@4
ALTER TABLE users DROP COLUMN legacy;

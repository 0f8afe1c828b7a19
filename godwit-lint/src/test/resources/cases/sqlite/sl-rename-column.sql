-- case: sl-rename-column
-- rule: rename-column
-- expect: rename-column@4
ALTER TABLE users RENAME COLUMN email TO mail;

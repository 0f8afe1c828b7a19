-- case: sl-rename-table
-- rule: rename-table
-- expect: rename-table@4
ALTER TABLE users RENAME TO members;

-- case: my-rename-table
-- rule: rename-table
-- expect: rename-table@4
RENAME TABLE users TO accounts;

-- case: my-rename-table-swap-ok
-- rule: rename-table
-- expect: non-idempotent-statement@4
CREATE TABLE users_new LIKE users;
RENAME TABLE users TO users_old, users_new TO users;

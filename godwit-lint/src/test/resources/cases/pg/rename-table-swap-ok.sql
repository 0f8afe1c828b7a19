-- case: rename-table-swap-ok
-- rule: rename-table
-- expect: none
CREATE TABLE users_new (id bigint PRIMARY KEY, email text NOT NULL);
INSERT INTO users_new SELECT id, email FROM users WHERE id < 100;
ALTER TABLE users RENAME TO users_old;
ALTER TABLE users_new RENAME TO users;
DROP TABLE users_old;

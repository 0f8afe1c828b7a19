-- case: rename-table-with-view-ok
-- rule: rename-table
-- expect: none
ALTER TABLE users RENAME TO accounts;
CREATE VIEW users AS SELECT * FROM accounts;

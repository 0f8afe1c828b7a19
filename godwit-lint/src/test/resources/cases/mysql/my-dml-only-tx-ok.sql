-- case: my-dml-only-tx-ok
-- rule: mysql-ddl-in-transaction
-- expect: none
START TRANSACTION;
UPDATE users SET active = 1 WHERE id = 4;
COMMIT;
ALTER TABLE users ADD COLUMN nickname VARCHAR(50);

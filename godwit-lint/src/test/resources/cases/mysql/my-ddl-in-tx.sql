-- case: my-ddl-in-tx
-- rule: mysql-ddl-in-transaction
-- expect: mysql-ddl-in-transaction@6
START TRANSACTION;
INSERT INTO audit (msg) VALUES ('start');
ALTER TABLE users ADD COLUMN nickname VARCHAR(50);
COMMIT;

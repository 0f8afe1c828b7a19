-- case: my-temp-table-in-tx-ok
-- rule: mysql-ddl-in-transaction
-- expect: none
START TRANSACTION;
CREATE TEMPORARY TABLE scratch (id INT);
COMMIT;

-- case: my-ddl-after-begin
-- rule: mysql-ddl-in-transaction
-- expect: mysql-ddl-in-transaction@5 non-idempotent-statement@5
BEGIN;
CREATE TABLE notes (id INT);
ROLLBACK;

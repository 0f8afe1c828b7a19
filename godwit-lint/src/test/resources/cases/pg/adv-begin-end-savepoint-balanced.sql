-- case: adv-begin-end-savepoint-balanced
-- rule: unbalanced-transaction
-- expect: none
BEGIN;
SAVEPOINT s1;
ALTER TABLE users ADD COLUMN x int;
ROLLBACK TO SAVEPOINT s1;
END;

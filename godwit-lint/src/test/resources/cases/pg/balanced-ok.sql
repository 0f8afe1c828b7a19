-- case: balanced-ok
-- rule: unbalanced-transaction
-- expect: none
BEGIN;
ALTER TABLE users ADD COLUMN nickname text;
COMMIT;
START TRANSACTION;
ALTER TABLE users ADD COLUMN bio text;
ROLLBACK;

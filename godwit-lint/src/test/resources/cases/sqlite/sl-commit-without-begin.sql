-- case: sl-commit-without-begin
-- rule: unbalanced-transaction
-- expect: unbalanced-transaction@5 non-idempotent-statement@4
CREATE TABLE x (id INTEGER);
END TRANSACTION;

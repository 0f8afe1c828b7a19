-- case: sl-begin-without-commit
-- rule: unbalanced-transaction
-- expect: unbalanced-transaction@4
BEGIN IMMEDIATE;
CREATE TABLE x (id INTEGER);

-- case: begin-atomic-function-ok
-- rule: unbalanced-transaction
-- expect: none
CREATE FUNCTION add_one(i int) RETURNS int LANGUAGE sql
BEGIN ATOMIC
  SELECT i + 1;
END;

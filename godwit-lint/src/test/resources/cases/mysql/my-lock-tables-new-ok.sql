-- case: my-lock-tables-new-ok
-- rule: explicit-lock-table
-- expect: non-idempotent-statement@4
CREATE TABLE tmp_copy (id INT);
LOCK TABLES tmp_copy WRITE;
UNLOCK TABLES;

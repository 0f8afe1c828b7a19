-- case: my-lock-tables
-- rule: explicit-lock-table
-- expect: explicit-lock-table@4
LOCK TABLES accounts WRITE, audit READ;
UNLOCK TABLES;

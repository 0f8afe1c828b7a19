-- case: my-drop-pk
-- rule: mysql-algorithm-copy
-- expect: mysql-algorithm-copy@4
ALTER TABLE orders DROP PRIMARY KEY;

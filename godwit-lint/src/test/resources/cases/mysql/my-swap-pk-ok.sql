-- case: my-swap-pk-ok
-- rule: mysql-algorithm-copy
-- expect: none
ALTER TABLE orders DROP PRIMARY KEY, ADD PRIMARY KEY (id, region), ALGORITHM=INPLACE, LOCK=NONE;

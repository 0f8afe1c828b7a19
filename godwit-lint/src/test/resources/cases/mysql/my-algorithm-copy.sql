-- case: my-algorithm-copy
-- rule: mysql-algorithm-copy
-- expect: mysql-algorithm-copy@4
ALTER TABLE orders ADD INDEX idx_status (status), ALGORITHM=COPY;

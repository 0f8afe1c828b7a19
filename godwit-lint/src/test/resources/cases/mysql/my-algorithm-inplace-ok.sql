-- case: my-algorithm-inplace-ok
-- rule: mysql-algorithm-copy
-- expect: none
ALTER TABLE orders ADD INDEX idx_status (status), ALGORITHM=INPLACE, LOCK=NONE;
CREATE INDEX idx_created ON orders (created_at) ALGORITHM=INPLACE;

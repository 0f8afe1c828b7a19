-- case: my-algorithm-inplace-ok
-- rule: mysql-algorithm-copy
-- expect: non-idempotent-statement@5
ALTER TABLE orders ADD INDEX idx_status (status), ALGORITHM=INPLACE, LOCK=NONE;
CREATE INDEX idx_created ON orders (created_at) ALGORITHM=INPLACE;

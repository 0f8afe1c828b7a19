-- case: my-lock-shared
-- rule: mysql-lock-not-none
-- expect: mysql-lock-not-none@4
ALTER TABLE orders ADD INDEX idx_status (status), LOCK=SHARED;

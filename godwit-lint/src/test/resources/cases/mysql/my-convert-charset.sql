-- case: my-convert-charset
-- rule: mysql-algorithm-copy
-- expect: mysql-algorithm-copy@4
ALTER TABLE orders CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

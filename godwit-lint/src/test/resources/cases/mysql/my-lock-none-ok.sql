-- case: my-lock-none-ok
-- rule: mysql-lock-not-none
-- expect: non-idempotent-statement@5
ALTER TABLE orders ADD INDEX idx_status (status), LOCK=NONE;
CREATE TABLE docs (id INT PRIMARY KEY, body TEXT, FULLTEXT KEY ft (body));

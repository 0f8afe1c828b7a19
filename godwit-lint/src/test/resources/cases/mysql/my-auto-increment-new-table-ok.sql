-- case: my-auto-increment-new-table-ok
-- rule: add-column-auto-increment
-- expect: non-idempotent-statement@4
CREATE TABLE widgets (name VARCHAR(50));
ALTER TABLE widgets ADD COLUMN id INT AUTO_INCREMENT PRIMARY KEY;

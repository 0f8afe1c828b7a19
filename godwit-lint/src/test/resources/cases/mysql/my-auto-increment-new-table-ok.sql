-- case: my-auto-increment-new-table-ok
-- rule: add-column-auto-increment
-- expect: none
CREATE TABLE widgets (name VARCHAR(50));
ALTER TABLE widgets ADD COLUMN id INT AUTO_INCREMENT PRIMARY KEY;

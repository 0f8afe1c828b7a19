-- case: my-enum-insert-middle
-- rule: change-column-type
-- expect: change-column-type@6
CREATE TABLE orders2 (id INT PRIMARY KEY, status ENUM('new','paid'));
-- @applied-above
ALTER TABLE orders2 MODIFY status ENUM('new','pending','paid');

-- case: my-enum-append-ok
-- rule: change-column-type
-- expect: none
CREATE TABLE orders2 (id INT PRIMARY KEY, status ENUM('new','paid'));
-- @applied-above
ALTER TABLE orders2 MODIFY status ENUM('new','paid','shipped');

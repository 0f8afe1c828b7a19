-- case: my-varchar-widen-ok
-- rule: change-column-type
-- expect: none
CREATE TABLE profiles (id INT PRIMARY KEY, nick VARCHAR(20), bio VARCHAR(100));
-- @applied-above
ALTER TABLE profiles MODIFY nick VARCHAR(60);
ALTER TABLE profiles MODIFY COLUMN bio VARCHAR(500);

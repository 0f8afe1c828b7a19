-- case: my-varchar-cross-boundary
-- rule: change-column-type
-- expect: change-column-type@6
CREATE TABLE profiles (id INT PRIMARY KEY, nick VARCHAR(20));
-- @applied-above
ALTER TABLE profiles MODIFY nick VARCHAR(100);

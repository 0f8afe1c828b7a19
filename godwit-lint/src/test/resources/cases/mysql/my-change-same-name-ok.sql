-- case: my-change-same-name-ok
-- rule: rename-column
-- expect: none
CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(255));
-- @applied-above
ALTER TABLE users CHANGE email email VARCHAR(255) NOT NULL;

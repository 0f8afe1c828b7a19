-- case: adv-my-modify-nullability-same-type
-- rule: change-column-type
-- expect: none
CREATE TABLE t (id INT PRIMARY KEY, c VARCHAR(255) NOT NULL);
-- @applied-above
ALTER TABLE t MODIFY c VARCHAR(255) NULL;

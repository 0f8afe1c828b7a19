-- case: type-varchar-shrink
-- rule: change-column-type
-- expect: change-column-type@6
CREATE TABLE profiles (id bigint, bio varchar(200));
-- @applied-above
ALTER TABLE profiles ALTER COLUMN bio TYPE varchar(100);

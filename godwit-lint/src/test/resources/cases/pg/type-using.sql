-- case: type-using
-- rule: change-column-type
-- expect: change-column-type@6
CREATE TABLE flags (v varchar(10));
-- @applied-above
ALTER TABLE flags ALTER COLUMN v TYPE text USING trim(v);

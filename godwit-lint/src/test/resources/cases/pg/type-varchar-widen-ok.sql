-- case: type-varchar-widen-ok
-- rule: change-column-type
-- expect: none
CREATE TABLE profiles (id bigint, bio varchar(200), nick character varying(20), price numeric(10,2));
-- @applied-above
ALTER TABLE profiles ALTER COLUMN bio TYPE varchar(500);
ALTER TABLE profiles ALTER COLUMN nick TYPE text;
ALTER TABLE profiles ALTER COLUMN price TYPE numeric(12,2);

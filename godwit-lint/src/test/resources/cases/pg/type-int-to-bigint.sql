-- case: type-int-to-bigint
-- rule: change-column-type
-- expect: change-column-type@6
CREATE TABLE counters (id int PRIMARY KEY, hits integer);
-- @applied-above
ALTER TABLE counters ALTER COLUMN hits SET DATA TYPE bigint;

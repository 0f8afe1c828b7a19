-- case: type-timestamptz-no-utc
-- rule: change-column-type
-- expect: change-column-type@6
CREATE TABLE logs (at timestamp without time zone);
-- @applied-above
ALTER TABLE logs ALTER COLUMN at TYPE timestamp with time zone;

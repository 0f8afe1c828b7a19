-- case: type-timestamptz-utc-ok
-- rule: change-column-type
-- expect: none
CREATE TABLE logs (at timestamp);
-- @applied-above
SET TimeZone = 'UTC';
ALTER TABLE logs ALTER COLUMN at TYPE timestamptz;

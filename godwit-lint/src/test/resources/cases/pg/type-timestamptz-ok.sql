-- case: type-timestamptz-ok
-- rule: prefer-timestamptz
-- enable: prefer-timestamptz
-- expect: none
CREATE TABLE events (id bigint PRIMARY KEY, a timestamptz, b timestamp with time zone);

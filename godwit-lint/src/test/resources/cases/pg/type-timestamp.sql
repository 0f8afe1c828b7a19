-- case: type-timestamp
-- rule: prefer-timestamptz
-- enable: prefer-timestamptz
-- expect: prefer-timestamptz@5
CREATE TABLE events (id bigint PRIMARY KEY, at timestamp NOT NULL);

-- case: type-timestamp-without-time-zone
-- rule: prefer-timestamptz
-- enable: prefer-timestamptz
-- expect: prefer-timestamptz@5
ALTER TABLE users ADD COLUMN seen_at timestamp(3) without time zone;

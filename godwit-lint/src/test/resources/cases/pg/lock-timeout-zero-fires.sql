-- case: lock-timeout-zero-fires
-- rule: missing-lock-timeout
-- enable: missing-lock-timeout
-- expect: missing-lock-timeout@6
SET LOCAL lock_timeout TO 0;
ALTER TABLE users ADD COLUMN nickname text;

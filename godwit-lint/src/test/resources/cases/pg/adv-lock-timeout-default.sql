-- case: adv-lock-timeout-default
-- rule: missing-lock-timeout
-- enable: missing-lock-timeout
-- expect: missing-lock-timeout@6
SET lock_timeout = DEFAULT;
ALTER TABLE users ADD COLUMN x int;

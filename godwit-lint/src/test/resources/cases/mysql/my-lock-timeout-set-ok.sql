-- case: my-lock-timeout-set-ok
-- rule: missing-lock-timeout
-- enable: missing-lock-timeout
-- expect: none
SET SESSION lock_wait_timeout = 5;
ALTER TABLE users ADD COLUMN nickname VARCHAR(50);

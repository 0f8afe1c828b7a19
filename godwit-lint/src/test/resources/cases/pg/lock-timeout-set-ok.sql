-- case: lock-timeout-set-ok
-- rule: missing-lock-timeout
-- enable: missing-lock-timeout
-- expect: none
SET lock_timeout = '2s';
ALTER TABLE users ADD COLUMN nickname text;

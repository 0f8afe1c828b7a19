-- case: lock-timeout-after-ddl-fires
-- rule: missing-lock-timeout
-- enable: missing-lock-timeout
-- expect: missing-lock-timeout@6
-- SET lock_timeout = '1s';
ALTER TABLE users ADD COLUMN nickname text;
SET lock_timeout = '1s';

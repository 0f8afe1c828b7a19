-- case: adv-set-config-lock-timeout
-- rule: missing-lock-timeout
-- enable: missing-lock-timeout
-- expect: none
SELECT set_config('lock_timeout', '3s', false);
ALTER TABLE users ADD COLUMN x int;

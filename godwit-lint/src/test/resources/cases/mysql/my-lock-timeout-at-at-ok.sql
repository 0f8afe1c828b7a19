-- case: my-lock-timeout-at-at-ok
-- rule: missing-lock-timeout
-- enable: missing-lock-timeout
-- expect: rename-table@6
SET @@session.lock_wait_timeout = 10;
RENAME TABLE a TO b;

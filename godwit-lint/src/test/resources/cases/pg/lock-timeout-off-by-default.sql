-- case: lock-timeout-off-by-default
-- rule: missing-lock-timeout
-- expect: none
ALTER TABLE users ADD COLUMN nickname text;

-- case: lock-timeout-missing
-- rule: missing-lock-timeout
-- enable: missing-lock-timeout
-- expect: missing-lock-timeout@5
ALTER TABLE users ADD COLUMN nickname text;
ALTER TABLE users ADD COLUMN bio text;

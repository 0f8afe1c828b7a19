-- case: statement-timeout-missing
-- rule: missing-statement-timeout
-- enable: missing-statement-timeout
-- expect: missing-statement-timeout@6
SET lock_timeout = '2s';
ALTER TABLE users ADD COLUMN nickname text;

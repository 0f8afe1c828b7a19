-- case: statement-timeout-set-ok
-- rule: missing-statement-timeout
-- enable: missing-statement-timeout
-- expect: none
SET statement_timeout = '15min';
ALTER TABLE users ADD COLUMN nickname text;

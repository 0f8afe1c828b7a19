-- case: maria-wait-clause-ok
-- rule: missing-lock-timeout
-- enable: missing-lock-timeout
-- expect: none
ALTER TABLE users WAIT 5 ADD COLUMN nickname VARCHAR(50);

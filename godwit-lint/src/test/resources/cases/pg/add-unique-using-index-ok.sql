-- case: add-unique-using-index-ok
-- rule: add-unique-constraint
-- expect: none
ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_idx;

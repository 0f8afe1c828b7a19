-- case: add-unique
-- rule: add-unique-constraint
-- expect: add-unique-constraint@4
ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);

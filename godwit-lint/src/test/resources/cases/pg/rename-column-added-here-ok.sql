-- case: rename-column-added-here-ok
-- rule: rename-column
-- expect: none
ALTER TABLE users ADD COLUMN nick text;
ALTER TABLE users RENAME COLUMN nick TO nickname;
ALTER TABLE users RENAME CONSTRAINT users_email_key TO users_email_uq;
ALTER INDEX users_email_idx RENAME TO users_email_index;

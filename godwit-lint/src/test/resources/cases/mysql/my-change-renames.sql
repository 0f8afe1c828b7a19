-- case: my-change-renames
-- rule: rename-column
-- expect: rename-column@4 change-column-type@4
ALTER TABLE users CHANGE COLUMN email email_address VARCHAR(255) NOT NULL;

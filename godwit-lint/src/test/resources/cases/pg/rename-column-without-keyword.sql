-- case: rename-column-without-keyword
-- rule: rename-column
-- sizes: users=10
-- expect: rename-column@5
ALTER TABLE users RENAME name TO full_name;

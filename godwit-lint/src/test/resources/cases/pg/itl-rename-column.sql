-- case: itl-rename-column
-- rule: identifier-too-long
-- expect: identifier-too-long@4 rename-column@4
ALTER TABLE users RENAME COLUMN nick TO nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn;

-- case: add-unique-inline-column
-- rule: add-unique-constraint
-- expect: add-unique-constraint@4
ALTER TABLE users ADD COLUMN handle text UNIQUE;

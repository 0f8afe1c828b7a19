-- case: adv-default-in-string-and-stable-expr
-- rule: add-column-volatile-default
-- expect: none
ALTER TABLE users ADD COLUMN a text DEFAULT 'random()';
ALTER TABLE users ADD COLUMN b timestamp DEFAULT (now() AT TIME ZONE 'utc');

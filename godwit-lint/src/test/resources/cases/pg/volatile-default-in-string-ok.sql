-- case: volatile-default-in-string-ok
-- rule: add-column-volatile-default
-- expect: none
ALTER TABLE orders ADD COLUMN note text DEFAULT 'gen_random_uuid()';

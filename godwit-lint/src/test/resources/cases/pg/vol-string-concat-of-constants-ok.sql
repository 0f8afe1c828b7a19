-- case: vol-string-concat-of-constants-ok
-- rule: add-column-volatile-default
-- expect: none
ALTER TABLE orders ADD COLUMN label text DEFAULT concat('a', 'b');

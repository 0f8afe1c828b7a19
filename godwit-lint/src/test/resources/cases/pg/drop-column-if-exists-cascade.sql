-- case: drop-column-if-exists-cascade
-- rule: drop-column
-- expect: drop-column@4
ALTER TABLE users DROP COLUMN IF EXISTS legacy_flag CASCADE, ADD COLUMN x int;

-- case: adv-my-backtick-keyword-column
-- rule: drop-column
-- expect: none
ALTER TABLE t ADD COLUMN `drop` INT, ADD COLUMN `truncate` INT;

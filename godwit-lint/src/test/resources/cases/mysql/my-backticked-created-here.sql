-- case: my-backticked-created-here
-- rule: drop-column
-- expect: none
CREATE TABLE `Tickets` (`id` INT PRIMARY KEY, `note` TEXT);
ALTER TABLE tickets DROP COLUMN note;

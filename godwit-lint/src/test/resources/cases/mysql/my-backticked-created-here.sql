-- case: my-backticked-created-here
-- rule: drop-column
-- expect: non-idempotent-statement@4
CREATE TABLE `Tickets` (`id` INT PRIMARY KEY, `note` TEXT);
ALTER TABLE tickets DROP COLUMN note;

-- case: snn-added-to-new-table-ok
-- rule: set-not-null
-- expect: none
CREATE TABLE teams (id bigint PRIMARY KEY);
ALTER TABLE teams ADD COLUMN name text;
ALTER TABLE teams ALTER COLUMN name SET NOT NULL;

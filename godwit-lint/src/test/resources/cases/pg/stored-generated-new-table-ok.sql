-- case: stored-generated-new-table-ok
-- rule: add-column-stored-generated
-- expect: none
CREATE TABLE people2 (first text, last text);
ALTER TABLE people2 ADD COLUMN full_name text GENERATED ALWAYS AS (first || ' ' || last) STORED;

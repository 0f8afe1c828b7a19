-- case: stored-generated
-- rule: add-column-stored-generated
-- expect: add-column-stored-generated@4
ALTER TABLE people ADD COLUMN full_name text GENERATED ALWAYS AS (first || ' ' || last) STORED;

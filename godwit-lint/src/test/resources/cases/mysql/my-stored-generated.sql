-- case: my-stored-generated
-- rule: add-column-stored-generated
-- expect: add-column-stored-generated@4
ALTER TABLE people ADD COLUMN full_name VARCHAR(200) AS (CONCAT(first, ' ', last)) STORED;

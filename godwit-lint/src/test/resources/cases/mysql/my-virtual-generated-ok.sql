-- case: my-virtual-generated-ok
-- rule: add-column-stored-generated
-- expect: none
ALTER TABLE people ADD COLUMN full_name VARCHAR(200) GENERATED ALWAYS AS (CONCAT(first, ' ', last)) VIRTUAL;
ALTER TABLE people ADD COLUMN initials VARCHAR(2) AS (LEFT(first, 1));

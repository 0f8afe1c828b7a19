-- case: virtual-generated-pg18-ok
-- rule: add-column-stored-generated
-- version: 18
-- expect: none
ALTER TABLE people ADD COLUMN initials text GENERATED ALWAYS AS (left(first, 1)) VIRTUAL;

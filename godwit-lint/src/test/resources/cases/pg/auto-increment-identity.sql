-- case: auto-increment-identity
-- rule: add-column-auto-increment
-- expect: add-column-auto-increment@4
ALTER TABLE legacy ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY;

-- case: add-exclude-new-table-ok
-- rule: add-exclusion-constraint
-- expect: none
CREATE TABLE slots (room int, during tstzrange);
ALTER TABLE slots ADD CONSTRAINT no_overlap EXCLUDE USING gist (room WITH =, during WITH &&);

-- case: add-exclude
-- rule: add-exclusion-constraint
-- expect: add-exclusion-constraint@4
ALTER TABLE bookings ADD CONSTRAINT no_overlap EXCLUDE USING gist (room WITH =, during WITH &&);

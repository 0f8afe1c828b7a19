-- case: auto-increment-bigserial
-- rule: add-column-auto-increment
-- expect: add-column-auto-increment@4
ALTER TABLE legacy ADD COLUMN id bigserial;

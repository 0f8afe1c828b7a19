-- case: auto-increment-plain-bigint-ok
-- rule: add-column-auto-increment
-- expect: none
ALTER TABLE legacy ADD COLUMN serial_number bigint;

-- case: vol-cast-call-one-argument-ok
-- rule: add-column-volatile-default
-- expect: none
ALTER TABLE orders ADD COLUMN qty int4 DEFAULT int4('5');

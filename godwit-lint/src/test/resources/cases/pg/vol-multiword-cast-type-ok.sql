-- case: vol-multiword-cast-type-ok
-- rule: add-column-volatile-default
-- expect: none
ALTER TABLE orders ADD COLUMN note character varying(255) DEFAULT ''::character varying(255);
ALTER TABLE orders ADD COLUMN at timestamp(3) DEFAULT CAST(now() AS timestamp(3) without time zone);

-- case: volatile-default-nextval
-- rule: add-column-volatile-default
-- expect: add-column-volatile-default@4
ALTER TABLE orders ADD COLUMN seq bigint DEFAULT nextval('orders_seq'::regclass);

-- case: add-fk-inline-column
-- rule: add-foreign-key
-- expect: add-foreign-key@4
ALTER TABLE orders ADD COLUMN coupon_id bigint REFERENCES coupons (id);

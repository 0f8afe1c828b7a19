-- case: my-add-fk
-- rule: add-foreign-key
-- expect: add-foreign-key@4
ALTER TABLE orders ADD CONSTRAINT fk_orders_user FOREIGN KEY (user_id) REFERENCES users (id);

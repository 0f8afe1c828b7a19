-- case: add-fk
-- rule: add-foreign-key
-- expect: add-foreign-key@4
ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id);

-- case: add-fk-not-valid-ok
-- rule: add-foreign-key
-- expect: none
ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;

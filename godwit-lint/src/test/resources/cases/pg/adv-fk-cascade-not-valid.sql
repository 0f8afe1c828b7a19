-- case: adv-fk-cascade-not-valid
-- rule: add-foreign-key
-- expect: none
ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE NOT VALID;

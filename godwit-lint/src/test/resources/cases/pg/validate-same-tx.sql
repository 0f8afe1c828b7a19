-- case: validate-same-tx
-- rule: validate-constraint-same-transaction
-- expect: validate-constraint-same-transaction@5
ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_user_fk;

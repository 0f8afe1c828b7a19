-- case: validate-alone-ok
-- rule: validate-constraint-same-transaction
-- expect: none
ALTER TABLE orders VALIDATE CONSTRAINT orders_user_fk;

-- case: adv-multi-action-not-valid
-- rule: add-check-constraint
-- expect: none
ALTER TABLE users ADD COLUMN a int, ADD CONSTRAINT users_a_chk CHECK (a > 0) NOT VALID;

-- case: adv-my-drop-fk-add-fk
-- rule: add-foreign-key
-- expect: add-foreign-key@4
ALTER TABLE t DROP FOREIGN KEY fk_a, ADD CONSTRAINT fk_a2 FOREIGN KEY (a) REFERENCES p (id);

-- case: adv-my-instant-add
-- rule: add-column-not-null-no-default
-- expect: none
ALTER TABLE t ADD COLUMN c INT NOT NULL DEFAULT 0, ALGORITHM=INSTANT;

-- case: adv-sl-string-default
-- rule: add-column-volatile-default
-- expect: none
ALTER TABLE t ADD COLUMN c TEXT DEFAULT 'CURRENT_TIMESTAMP';

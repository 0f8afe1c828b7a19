-- case: not-null-with-default-ok
-- rule: add-column-not-null-no-default
-- expect: none
ALTER TABLE accounts ADD COLUMN plan text NOT NULL DEFAULT 'free';

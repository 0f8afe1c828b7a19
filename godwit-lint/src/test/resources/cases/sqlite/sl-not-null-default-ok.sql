-- case: sl-not-null-default-ok
-- rule: add-column-not-null-no-default
-- expect: none
ALTER TABLE users ADD COLUMN tenant INTEGER NOT NULL DEFAULT 0;

-- case: sl-not-null-no-default
-- rule: add-column-not-null-no-default
-- expect: add-column-not-null-no-default@4
ALTER TABLE users ADD COLUMN tenant INTEGER NOT NULL;

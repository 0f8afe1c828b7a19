-- case: sl-expression-default
-- rule: add-column-volatile-default
-- expect: add-column-volatile-default@4
ALTER TABLE users ADD COLUMN token TEXT DEFAULT (lower(hex(randomblob(16))));

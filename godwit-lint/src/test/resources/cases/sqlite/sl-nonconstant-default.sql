-- case: sl-nonconstant-default
-- rule: add-column-volatile-default
-- expect: add-column-volatile-default@4
ALTER TABLE users ADD COLUMN created_at TEXT DEFAULT CURRENT_TIMESTAMP;

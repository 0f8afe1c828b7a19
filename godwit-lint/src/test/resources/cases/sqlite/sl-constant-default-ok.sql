-- case: sl-constant-default-ok
-- rule: add-column-volatile-default
-- expect: none
ALTER TABLE users ADD COLUMN score INTEGER DEFAULT -1;
ALTER TABLE users ADD COLUMN status TEXT NOT NULL DEFAULT 'new';

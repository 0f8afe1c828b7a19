-- case: not-null-default-null-fires
-- rule: add-column-not-null-no-default
-- expect: add-column-not-null-no-default@4
ALTER TABLE accounts ADD COLUMN region text DEFAULT NULL NOT NULL;

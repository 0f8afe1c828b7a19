-- case: my-auto-increment
-- rule: add-column-auto-increment
-- expect: add-column-auto-increment@4
ALTER TABLE legacy ADD COLUMN id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY FIRST;

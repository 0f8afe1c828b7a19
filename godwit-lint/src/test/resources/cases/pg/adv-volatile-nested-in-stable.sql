-- case: adv-volatile-nested-in-stable
-- rule: add-column-volatile-default
-- expect: add-column-volatile-default@4
ALTER TABLE users ADD COLUMN bucket int DEFAULT floor(random() * 10);

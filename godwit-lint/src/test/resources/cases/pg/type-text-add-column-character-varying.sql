-- case: type-text-add-column-character-varying
-- rule: prefer-text-over-varchar
-- enable: prefer-text-over-varchar
-- expect: prefer-text-over-varchar@5
ALTER TABLE users ADD COLUMN nick character varying(40);

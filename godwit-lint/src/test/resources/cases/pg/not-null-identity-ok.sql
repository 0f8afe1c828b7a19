-- case: not-null-identity-ok
-- rule: add-column-not-null-no-default
-- expect: none
ALTER TABLE accounts ADD COLUMN plan_version int NULL;
CREATE TABLE audit (id bigint);
ALTER TABLE audit ADD COLUMN at timestamptz NOT NULL;

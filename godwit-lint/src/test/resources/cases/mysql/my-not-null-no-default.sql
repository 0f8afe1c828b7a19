-- case: my-not-null-no-default
-- rule: add-column-not-null-no-default
-- expect: add-column-not-null-no-default@4
ALTER TABLE accounts ADD COLUMN tenant_id BIGINT NOT NULL;

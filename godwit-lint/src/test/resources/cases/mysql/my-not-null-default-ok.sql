-- case: my-not-null-default-ok
-- rule: add-column-not-null-no-default
-- expect: none
ALTER TABLE accounts ADD COLUMN tenant_id BIGINT NOT NULL DEFAULT 0;

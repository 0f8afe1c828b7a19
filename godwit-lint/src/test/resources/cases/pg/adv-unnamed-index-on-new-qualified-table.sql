-- case: adv-unnamed-index-on-new-qualified-table
-- rule: create-index-non-concurrently
-- expect: none
CREATE TABLE app.items (id bigint PRIMARY KEY, sku text);
CREATE INDEX ON app.items (sku);

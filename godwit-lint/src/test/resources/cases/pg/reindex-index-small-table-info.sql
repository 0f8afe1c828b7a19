-- case: reindex-index-small-table-info
-- rule: reindex-non-concurrently
-- sizes: settings=12
-- expect-severity: reindex-non-concurrently=info
-- expect: reindex-non-concurrently@9
CREATE TABLE settings (key text PRIMARY KEY, value text);
CREATE INDEX settings_value_idx ON settings (value);
-- @applied-above
REINDEX INDEX settings_value_idx;

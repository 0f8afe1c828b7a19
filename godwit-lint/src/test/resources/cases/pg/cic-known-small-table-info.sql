-- case: cic-known-small-table-info
-- rule: create-index-non-concurrently
-- sizes: settings=12
-- expect-severity: create-index-non-concurrently=info
-- expect: create-index-non-concurrently@6
CREATE INDEX settings_key_idx ON settings (key);

-- case: cic-known-large-table-error
-- rule: create-index-non-concurrently
-- sizes: orders=5000000
-- expect-severity: create-index-non-concurrently=error
-- expect: create-index-non-concurrently@6
CREATE INDEX orders_status_idx ON orders (status);

-- case: reindex-index-large-table-error
-- rule: reindex-non-concurrently
-- sizes: orders=5000000
-- expect-severity: reindex-non-concurrently=error
-- expect: reindex-non-concurrently@9
CREATE TABLE orders (id bigint PRIMARY KEY, placed_at timestamptz);
CREATE INDEX orders_placed_at_idx ON orders (placed_at);
-- @applied-above
REINDEX INDEX orders_placed_at_idx;

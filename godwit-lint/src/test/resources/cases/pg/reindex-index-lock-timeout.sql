-- case: reindex-index-lock-timeout
-- rule: missing-lock-timeout
-- enable: missing-lock-timeout
-- expect: reindex-non-concurrently@8 missing-lock-timeout@8
CREATE TABLE orders (id bigint PRIMARY KEY, placed_at timestamptz);
CREATE INDEX orders_placed_at_idx ON orders (placed_at);
-- @applied-above
REINDEX INDEX orders_placed_at_idx;

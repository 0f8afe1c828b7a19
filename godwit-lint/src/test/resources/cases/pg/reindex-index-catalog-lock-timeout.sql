-- case: reindex-index-catalog-lock-timeout
-- rule: missing-lock-timeout
-- enable: missing-lock-timeout
-- indexes: orders_placed_at_idx=orders
-- expect: reindex-non-concurrently@6 missing-lock-timeout@6
REINDEX INDEX orders_placed_at_idx;

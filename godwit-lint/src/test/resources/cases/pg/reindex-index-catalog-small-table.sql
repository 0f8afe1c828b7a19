-- case: reindex-index-catalog-small-table
-- rule: reindex-non-concurrently
-- sizes: settings=12
-- indexes: settings_value_idx=settings
-- expect-severity: reindex-non-concurrently=info
-- expect: reindex-non-concurrently@8
-- The index was created outside the migrations: only the live catalog knows its table.
REINDEX INDEX settings_value_idx;

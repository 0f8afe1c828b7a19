-- case: reindex-table-verbose
-- rule: reindex-non-concurrently
-- expect: reindex-non-concurrently@4
REINDEX (VERBOSE) TABLE users;

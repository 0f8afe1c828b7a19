-- case: reindex-system
-- rule: reindex-non-concurrently
-- expect: reindex-non-concurrently@4
REINDEX SYSTEM app;

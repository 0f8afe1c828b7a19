-- case: adv-reindex-schema
-- rule: reindex-non-concurrently
-- expect: reindex-non-concurrently@4
REINDEX SCHEMA public;

-- case: down-drop-index-ok
-- rule: down-migration-data-loss
-- down: true
-- expect: none
DROP INDEX CONCURRENTLY IF EXISTS users_nickname_idx;

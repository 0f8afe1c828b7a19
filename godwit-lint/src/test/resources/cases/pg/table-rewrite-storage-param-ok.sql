-- case: table-rewrite-storage-param-ok
-- rule: table-rewrite
-- tx: off
-- expect: none
ALTER TABLE sessions SET (fillfactor = 70);
ALTER TABLE sessions ALTER COLUMN data SET STATISTICS 500;
VACUUM ANALYZE sessions;

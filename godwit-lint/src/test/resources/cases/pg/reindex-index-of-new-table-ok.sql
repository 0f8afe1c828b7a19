-- case: reindex-index-of-new-table-ok
-- rule: reindex-non-concurrently
-- expect: none
CREATE TABLE tags (id bigint PRIMARY KEY, name text);
CREATE INDEX tags_name_idx ON tags (name);
REINDEX INDEX tags_name_idx;

-- case: add-pk-using-index-nullable
-- rule: add-primary-key
-- expect: add-primary-key@7
CREATE TABLE tags (id bigint, name text);
CREATE UNIQUE INDEX CONCURRENTLY tags_id_idx ON tags (id);
-- @applied-above
ALTER TABLE tags ADD CONSTRAINT tags_pkey PRIMARY KEY USING INDEX tags_id_idx;

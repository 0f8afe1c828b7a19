-- case: add-pk-using-index-not-null-ok
-- rule: add-primary-key
-- expect: none
CREATE TABLE tags (id bigint NOT NULL, name text);
CREATE UNIQUE INDEX CONCURRENTLY tags_id_idx ON tags (id);
-- @applied-above
ALTER TABLE tags ADD CONSTRAINT tags_pkey PRIMARY KEY USING INDEX tags_id_idx;

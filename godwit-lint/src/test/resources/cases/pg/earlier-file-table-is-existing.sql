-- case: earlier-file-table-is-existing
-- rule: create-index-non-concurrently
-- expect: create-index-non-concurrently@6
CREATE TABLE projects (id bigint PRIMARY KEY, name text);
-- @applied-above
CREATE INDEX projects_name_idx ON projects (name);

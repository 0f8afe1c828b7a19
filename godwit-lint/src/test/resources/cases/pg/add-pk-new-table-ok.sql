-- case: add-pk-new-table-ok
-- rule: add-primary-key
-- expect: none
CREATE TABLE notes (id bigint NOT NULL, body text);
ALTER TABLE notes ADD PRIMARY KEY (id);

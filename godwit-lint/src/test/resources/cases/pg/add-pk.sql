-- case: add-pk
-- rule: add-primary-key
-- expect: add-primary-key@4
ALTER TABLE events ADD PRIMARY KEY (id);

-- case: itl-table-64-bytes
-- rule: identifier-too-long
-- expect: identifier-too-long@4
CREATE TABLE aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa (id bigint PRIMARY KEY);

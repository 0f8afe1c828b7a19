-- case: itl-table-63-bytes-ok
-- rule: identifier-too-long
-- expect: none
CREATE TABLE aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa (id bigint PRIMARY KEY);

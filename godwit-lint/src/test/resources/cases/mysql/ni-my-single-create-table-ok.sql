-- case: ni-my-single-create-table-ok
-- rule: non-idempotent-statement
-- expect: none
CREATE TABLE teams (id BIGINT PRIMARY KEY);

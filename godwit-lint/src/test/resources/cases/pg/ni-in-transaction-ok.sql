-- case: ni-in-transaction-ok
-- rule: non-idempotent-statement
-- expect: none
CREATE TABLE teams (id bigint PRIMARY KEY);
CREATE INDEX teams_id_idx ON teams (id);

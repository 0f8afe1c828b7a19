-- case: ni-no-tx-create-table-and-sequence
-- rule: non-idempotent-statement
-- tx: off
-- expect: non-idempotent-statement@6
CREATE TABLE IF NOT EXISTS teams (id bigint PRIMARY KEY);
CREATE SEQUENCE team_numbers;

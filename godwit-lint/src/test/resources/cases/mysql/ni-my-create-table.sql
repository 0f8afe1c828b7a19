-- case: ni-my-create-table
-- rule: non-idempotent-statement
-- expect: non-idempotent-statement@4
CREATE TABLE teams (id BIGINT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS members (id BIGINT PRIMARY KEY);

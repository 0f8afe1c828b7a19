-- case: ni-my-create-table-if-not-exists-ok
-- rule: non-idempotent-statement
-- expect: none
CREATE TABLE IF NOT EXISTS teams (id BIGINT PRIMARY KEY);

-- case: sl-ni-no-tx-create-table
-- rule: non-idempotent-statement
-- tx: off
-- expect: non-idempotent-statement@5
CREATE TABLE teams (id INTEGER PRIMARY KEY);
CREATE TABLE IF NOT EXISTS members (id INTEGER PRIMARY KEY);

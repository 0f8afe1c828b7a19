-- case: sl-ni-in-tx-ok
-- rule: non-idempotent-statement
-- expect: none
CREATE TABLE teams (id INTEGER PRIMARY KEY);

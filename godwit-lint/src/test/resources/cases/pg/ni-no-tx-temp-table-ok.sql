-- case: ni-no-tx-temp-table-ok
-- rule: non-idempotent-statement
-- tx: off
-- expect: none
CREATE TEMP TABLE scratch (id bigint);

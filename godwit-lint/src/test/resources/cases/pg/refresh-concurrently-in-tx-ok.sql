-- case: refresh-concurrently-in-tx-ok
-- rule: statement-not-allowed-in-transaction
-- tx: on
-- expect: none
REFRESH MATERIALIZED VIEW CONCURRENTLY daily_totals;

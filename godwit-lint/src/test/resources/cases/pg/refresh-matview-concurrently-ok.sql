-- case: refresh-matview-concurrently-ok
-- rule: refresh-matview-non-concurrently
-- expect: none
REFRESH MATERIALIZED VIEW CONCURRENTLY daily_totals;

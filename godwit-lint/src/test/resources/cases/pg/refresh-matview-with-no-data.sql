-- case: refresh-matview-with-no-data
-- rule: refresh-matview-non-concurrently
-- expect: refresh-matview-non-concurrently@4
REFRESH MATERIALIZED VIEW reporting.daily_totals WITH NO DATA;

-- case: refresh-matview
-- rule: refresh-matview-non-concurrently
-- expect: refresh-matview-non-concurrently@4
REFRESH MATERIALIZED VIEW daily_totals;

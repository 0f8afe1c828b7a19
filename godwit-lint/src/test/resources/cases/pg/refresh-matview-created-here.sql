-- case: refresh-matview-created-here
-- rule: refresh-matview-non-concurrently
-- expect: none
CREATE MATERIALIZED VIEW top_users AS SELECT id FROM users WITH NO DATA;
REFRESH MATERIALIZED VIEW top_users;

-- case: unbatched-new-table-ok
-- rule: unbatched-data-change
-- tx: off
-- expect: non-idempotent-statement@5
CREATE TABLE user_stats (user_id bigint, n int);
INSERT INTO user_stats (user_id, n) SELECT id, 0 FROM users WHERE id < 10;
UPDATE user_stats SET n = 1;

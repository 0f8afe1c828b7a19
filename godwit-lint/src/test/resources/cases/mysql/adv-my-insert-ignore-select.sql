-- case: adv-my-insert-ignore-select
-- rule: unbatched-data-change
-- expect: unbatched-data-change@4
INSERT IGNORE INTO t2 SELECT * FROM t;

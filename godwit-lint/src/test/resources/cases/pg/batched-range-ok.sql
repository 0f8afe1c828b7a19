-- case: batched-range-ok
-- rule: unbatched-data-change
-- tx: off
-- expect: none
UPDATE users SET score = 0 WHERE score IS NULL AND id >= 1 AND id < 5001;
DELETE FROM sessions WHERE id IN (1, 2, 3);
UPDATE users SET active = false WHERE id = 42;

-- case: unbatched-update-is-null
-- rule: unbatched-data-change
-- tx: off
-- expect: unbatched-data-change@5
UPDATE users SET score = 0 WHERE score IS NULL;

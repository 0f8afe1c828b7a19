-- case: unbatched-update
-- rule: unbatched-data-change
-- tx: off
-- expect: unbatched-data-change@5
UPDATE users SET active = true;

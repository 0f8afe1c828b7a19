-- case: my-unbatched-update
-- rule: unbatched-data-change
-- expect: unbatched-data-change@4
UPDATE users SET active = 1;

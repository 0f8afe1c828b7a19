-- case: my-update-limit-ok
-- rule: unbatched-data-change
-- expect: none
UPDATE users SET active = 1 WHERE active IS NULL LIMIT 1000;

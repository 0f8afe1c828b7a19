-- case: adv-update-flag-and-null
-- rule: unbatched-data-change
-- tx: off
-- expect: unbatched-data-change@5
UPDATE users SET flag = NOT flag WHERE flag IS NOT NULL AND deleted = false;

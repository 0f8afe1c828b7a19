-- case: sl-unbatched-delete
-- rule: unbatched-data-change
-- expect: unbatched-data-change@4
DELETE FROM sessions;

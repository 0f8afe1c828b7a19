-- case: unbatched-delete-flag
-- rule: unbatched-data-change
-- tx: off
-- expect: unbatched-data-change@5
DELETE FROM sessions WHERE expired;

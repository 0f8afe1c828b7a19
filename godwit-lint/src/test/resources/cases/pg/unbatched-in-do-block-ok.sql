-- case: unbatched-in-do-block-ok
-- rule: unbatched-data-change
-- tx: off
-- expect: none
DO $$
BEGIN
  UPDATE users SET active = true;
END $$;

-- case: unbatched-small-table-info
-- rule: unbatched-data-change
-- tx: off
-- sizes: countries=250
-- expect-severity: unbatched-data-change=info
-- expect: unbatched-data-change@7
UPDATE countries SET active = true;

-- case: adv-sl-rowid-batch
-- rule: unbatched-data-change
-- expect: none
UPDATE t SET a = 1 WHERE rowid IN (SELECT rowid FROM t WHERE a IS NULL LIMIT 100);

-- case: detach-partition-finalize-ok
-- rule: detach-partition-non-concurrently
-- expect: none
ALTER TABLE measurements DETACH PARTITION measurements_2020 FINALIZE;

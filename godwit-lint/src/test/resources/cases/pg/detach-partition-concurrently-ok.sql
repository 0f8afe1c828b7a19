-- case: detach-partition-concurrently-ok
-- rule: detach-partition-non-concurrently
-- tx: off
-- expect: none
ALTER TABLE measurements DETACH PARTITION measurements_2020 CONCURRENTLY;

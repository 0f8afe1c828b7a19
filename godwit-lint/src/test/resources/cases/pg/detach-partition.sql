-- case: detach-partition
-- rule: detach-partition-non-concurrently
-- expect: detach-partition-non-concurrently@4
ALTER TABLE measurements DETACH PARTITION measurements_2020;

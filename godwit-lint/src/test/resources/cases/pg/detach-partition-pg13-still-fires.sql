-- case: detach-partition-pg13-still-fires
-- rule: detach-partition-non-concurrently
-- version: 13
-- expect: detach-partition-non-concurrently@5
ALTER TABLE measurements DETACH PARTITION measurements_2019;

-- case: my-partition-by
-- rule: mysql-algorithm-copy
-- expect: mysql-algorithm-copy@4
ALTER TABLE events PARTITION BY RANGE (YEAR(at)) (PARTITION p0 VALUES LESS THAN (2020), PARTITION p1 VALUES LESS THAN MAXVALUE);

-- case: type-bigint-off-by-default
-- rule: prefer-bigint-over-int
-- expect: none
CREATE TABLE teams (id int PRIMARY KEY, size int);

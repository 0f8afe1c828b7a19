-- case: type-bigint-int-pk
-- rule: prefer-bigint-over-int
-- enable: prefer-bigint-over-int
-- expect: prefer-bigint-over-int@5
CREATE TABLE teams (id int PRIMARY KEY, size int);

-- case: type-bigint-table-pk
-- rule: prefer-bigint-over-int
-- enable: prefer-bigint-over-int
-- expect: prefer-bigint-over-int@5
CREATE TABLE pairs (a int4, b int4, PRIMARY KEY (a, b));

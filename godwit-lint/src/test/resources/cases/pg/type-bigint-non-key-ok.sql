-- case: type-bigint-non-key-ok
-- rule: prefer-bigint-over-int
-- enable: prefer-bigint-over-int
-- expect: none
CREATE TABLE members (id bigint PRIMARY KEY, age integer);

-- case: type-bigint-serial-pk
-- rule: prefer-bigint-over-int
-- enable: prefer-bigint-over-int
-- expect: prefer-bigint-over-int@5
CREATE TABLE teams (id serial PRIMARY KEY);

-- case: type-text-varchar-length
-- rule: prefer-text-over-varchar
-- enable: prefer-text-over-varchar
-- expect: prefer-text-over-varchar@5
CREATE TABLE teams (id bigint PRIMARY KEY, name varchar(100));

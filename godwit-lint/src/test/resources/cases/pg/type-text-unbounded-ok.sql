-- case: type-text-unbounded-ok
-- rule: prefer-text-over-varchar
-- enable: prefer-text-over-varchar
-- expect: none
CREATE TABLE teams (id bigint PRIMARY KEY, name varchar, note text);

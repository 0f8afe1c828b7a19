-- case: type-bigint-fk
-- rule: prefer-bigint-over-int
-- enable: prefer-bigint-over-int
-- expect: prefer-bigint-over-int@5
CREATE TABLE members (
  id bigint PRIMARY KEY,
  team_id integer REFERENCES teams (id)
);

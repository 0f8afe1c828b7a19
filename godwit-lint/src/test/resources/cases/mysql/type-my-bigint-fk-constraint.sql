-- case: type-my-bigint-fk-constraint
-- rule: prefer-bigint-over-int
-- enable: prefer-bigint-over-int
-- expect: prefer-bigint-over-int@5
CREATE TABLE IF NOT EXISTS members (id BIGINT PRIMARY KEY, team_id INT, FOREIGN KEY (team_id) REFERENCES teams (id));

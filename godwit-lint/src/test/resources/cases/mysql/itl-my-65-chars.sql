-- case: itl-my-65-chars
-- rule: identifier-too-long
-- expect: identifier-too-long@4
CREATE TABLE IF NOT EXISTS aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa (id BIGINT PRIMARY KEY);

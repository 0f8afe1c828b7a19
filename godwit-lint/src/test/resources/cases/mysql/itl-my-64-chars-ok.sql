-- case: itl-my-64-chars-ok
-- rule: identifier-too-long
-- expect: none
CREATE TABLE IF NOT EXISTS aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa (id BIGINT PRIMARY KEY);

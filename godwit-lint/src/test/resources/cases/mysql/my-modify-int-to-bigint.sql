-- case: my-modify-int-to-bigint
-- rule: change-column-type
-- expect: change-column-type@6
CREATE TABLE counters (id INT PRIMARY KEY, hits INT NOT NULL);
-- @applied-above
ALTER TABLE counters MODIFY hits BIGINT NOT NULL;

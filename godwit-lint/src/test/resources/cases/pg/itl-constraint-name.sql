-- case: itl-constraint-name
-- rule: identifier-too-long
-- expect: identifier-too-long@4
ALTER TABLE users ADD CONSTRAINT users_age_positive_zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz CHECK (age > 0) NOT VALID;

-- case: set-not-null-other-check-fires
-- rule: set-not-null
-- expect: set-not-null@6
ALTER TABLE users ADD CONSTRAINT users_age_pos CHECK (age > 0);
-- @applied-above
ALTER TABLE users ALTER COLUMN age SET NOT NULL;

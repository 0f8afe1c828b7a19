-- case: set-not-null-not-valid-check-fires
-- rule: set-not-null
-- expect: set-not-null@6
ALTER TABLE users ADD CONSTRAINT users_email_nn CHECK (email IS NOT NULL) NOT VALID;
-- @applied-above
ALTER TABLE users ALTER COLUMN email SET NOT NULL;

-- case: set-not-null-pg11-check-does-not-help
-- rule: set-not-null
-- version: 11
-- expect: set-not-null@7
ALTER TABLE users ADD CONSTRAINT users_email_nn CHECK (email IS NOT NULL);
-- @applied-above
ALTER TABLE users ALTER COLUMN email SET NOT NULL;

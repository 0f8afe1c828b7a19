-- case: adv-validated-in-earlier-file
-- rule: set-not-null
-- expect: none
ALTER TABLE users ADD CONSTRAINT users_email_nn CHECK ((email IS NOT NULL)) NOT VALID;
ALTER TABLE users VALIDATE CONSTRAINT users_email_nn;
-- @applied-above
SET lock_timeout = '1s';
ALTER TABLE users ALTER COLUMN email SET NOT NULL;

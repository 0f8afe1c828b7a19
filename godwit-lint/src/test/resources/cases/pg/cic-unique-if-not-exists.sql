-- case: cic-unique-if-not-exists
-- rule: create-index-non-concurrently
-- expect: create-index-non-concurrently@4
CREATE UNIQUE INDEX IF NOT EXISTS users_email_key ON public.users USING btree (lower(email));

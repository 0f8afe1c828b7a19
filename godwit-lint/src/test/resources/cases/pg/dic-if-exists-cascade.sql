-- case: dic-if-exists-cascade
-- rule: drop-index-non-concurrently
-- expect: drop-index-non-concurrently@4
DROP INDEX IF EXISTS public.users_email_idx CASCADE;

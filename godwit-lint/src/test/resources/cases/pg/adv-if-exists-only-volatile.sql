-- case: adv-if-exists-only-volatile
-- rule: add-column-volatile-default
-- expect: add-column-volatile-default@4
ALTER TABLE IF EXISTS ONLY public.users ADD COLUMN IF NOT EXISTS ref uuid DEFAULT uuid_generate_v4();

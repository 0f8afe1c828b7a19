-- case: adv-lowercase-concurrently-ok
-- rule: create-index-non-concurrently
-- expect: none
create index concurrently if not exists users_x on users (x);

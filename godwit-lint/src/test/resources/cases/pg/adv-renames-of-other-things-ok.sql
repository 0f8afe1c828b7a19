-- case: adv-renames-of-other-things-ok
-- rule: rename-column
-- expect: none
ALTER TABLE users RENAME CONSTRAINT users_a TO users_b;
ALTER INDEX users_idx RENAME TO users_index;
ALTER SEQUENCE users_id_seq RENAME TO users_seq;

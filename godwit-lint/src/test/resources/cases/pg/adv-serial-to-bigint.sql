-- case: adv-serial-to-bigint
-- rule: change-column-type
-- expect: change-column-type@6
CREATE TABLE tickets (id serial PRIMARY KEY, title text);
-- @applied-above
ALTER TABLE tickets ALTER COLUMN id TYPE bigint;

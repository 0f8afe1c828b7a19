-- case: constrained-domain-rewrites
-- rule: add-column-volatile-default
-- expect: add-column-volatile-default@6
CREATE DOMAIN positive_int AS integer CHECK (VALUE > 0);
-- @applied-above
ALTER TABLE orders ADD COLUMN qty positive_int;

-- case: adv-unnamed-index-existing
-- rule: create-index-non-concurrently
-- expect: create-index-non-concurrently@4
CREATE INDEX ON users (email);

-- case: adv-index-name-looks-like-keyword
-- rule: create-index-non-concurrently
-- expect: create-index-non-concurrently@4
CREATE INDEX concurrently_idx ON users (x);

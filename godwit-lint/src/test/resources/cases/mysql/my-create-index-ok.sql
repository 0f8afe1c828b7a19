-- case: my-create-index-ok
-- rule: create-index-non-concurrently
-- expect: none
CREATE INDEX idx_email ON users (email);

-- case: cic-index-named-concurrently-quoted
-- rule: create-index-non-concurrently
-- expect: create-index-non-concurrently@5
-- an index literally named "concurrently" is not the keyword
CREATE INDEX "concurrently" ON users (created_at);

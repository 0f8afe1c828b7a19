-- case: cic-on-only-partitioned-parent
-- rule: create-index-non-concurrently
-- expect: none
CREATE TABLE events (id bigint, at timestamptz NOT NULL) PARTITION BY RANGE (at);
-- @applied-above
CREATE INDEX events_at_idx ON ONLY events (at);

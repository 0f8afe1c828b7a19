-- case: lock-timeout-new-table-ok
-- rule: missing-lock-timeout
-- enable: missing-lock-timeout
-- expect: none
CREATE TABLE badges (id bigint PRIMARY KEY, user_id bigint);
CREATE INDEX badges_user_idx ON badges (user_id);

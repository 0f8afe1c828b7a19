-- case: ni-no-tx-create-or-replace-view-ok
-- rule: non-idempotent-statement
-- tx: off
-- expect: none
CREATE OR REPLACE VIEW active_users AS SELECT * FROM users WHERE active;

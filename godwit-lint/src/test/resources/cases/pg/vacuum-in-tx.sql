-- case: vacuum-in-tx
-- rule: statement-not-allowed-in-transaction
-- tx: on
-- expect: statement-not-allowed-in-transaction@5
VACUUM ANALYZE users;

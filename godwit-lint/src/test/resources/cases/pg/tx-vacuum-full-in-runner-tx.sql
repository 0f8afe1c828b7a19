-- case: tx-vacuum-full-in-runner-tx
-- rule: statement-not-allowed-in-transaction
-- tx: on
-- expect: statement-not-allowed-in-transaction@5 table-rewrite@5
VACUUM FULL users;

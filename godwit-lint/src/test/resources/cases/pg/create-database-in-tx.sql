-- case: create-database-in-tx
-- rule: statement-not-allowed-in-transaction
-- tx: on
-- expect: statement-not-allowed-in-transaction@5
CREATE DATABASE reporting;

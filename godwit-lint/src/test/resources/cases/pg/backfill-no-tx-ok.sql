-- case: backfill-no-tx-ok
-- rule: backfill-in-ddl-transaction
-- tx: off
-- expect: non-idempotent-statement@5
ALTER TABLE users ADD COLUMN active boolean;
UPDATE users SET active = true WHERE id BETWEEN 1 AND 1000;

-- case: backfill-after-add-column
-- rule: backfill-in-ddl-transaction
-- expect: backfill-in-ddl-transaction@5
ALTER TABLE users ADD COLUMN active boolean;
UPDATE users SET active = true WHERE id BETWEEN 1 AND 1000;

-- case: backfill-other-table-ok
-- rule: backfill-in-ddl-transaction
-- expect: none
ALTER TABLE users ADD COLUMN active boolean;
UPDATE accounts SET plan = 'free' WHERE id = 7;
INSERT INTO users (id, email) VALUES (1, 'a@example.com');

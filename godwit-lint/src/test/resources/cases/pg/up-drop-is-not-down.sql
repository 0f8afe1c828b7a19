-- case: up-drop-is-not-down
-- rule: down-migration-data-loss
-- expect: drop-table@4
DROP TABLE invoices;

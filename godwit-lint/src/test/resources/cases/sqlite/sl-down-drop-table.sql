-- case: sl-down-drop-table
-- rule: down-migration-data-loss
-- down: true
-- expect: down-migration-data-loss@5
DROP TABLE IF EXISTS invoices;

-- case: down-drop-column
-- rule: down-migration-data-loss
-- down: true
-- expect: down-migration-data-loss@5
ALTER TABLE users DROP COLUMN nickname;

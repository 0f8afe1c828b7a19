-- case: my-drop-index-not-column
-- rule: drop-column
-- expect: none
ALTER TABLE users DROP INDEX idx_legacy, DROP FOREIGN KEY fk_x;

-- case: sl-trigger-body-ok
-- rule: unbalanced-transaction
-- expect: none
CREATE TRIGGER users_au AFTER UPDATE ON users
BEGIN
  UPDATE users SET updated_at = CURRENT_TIMESTAMP WHERE id = NEW.id;
END;

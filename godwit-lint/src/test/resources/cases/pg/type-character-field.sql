-- case: type-character-field
-- rule: ban-char-field
-- enable: ban-char-field
-- expect: ban-char-field@5
ALTER TABLE users ADD COLUMN locale character(5);

-- case: type-char-field
-- rule: ban-char-field
-- enable: ban-char-field
-- expect: ban-char-field@5
CREATE TABLE countries (code char(2) PRIMARY KEY);

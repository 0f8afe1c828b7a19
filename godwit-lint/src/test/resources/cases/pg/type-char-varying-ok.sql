-- case: type-char-varying-ok
-- rule: ban-char-field
-- enable: ban-char-field
-- expect: none
CREATE TABLE countries (code character varying(2) PRIMARY KEY, name text);

-- case: itl-column-in-add-column
-- rule: identifier-too-long
-- expect: identifier-too-long@4
ALTER TABLE users ADD COLUMN xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx text;

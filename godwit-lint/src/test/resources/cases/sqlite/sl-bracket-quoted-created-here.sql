-- case: sl-bracket-quoted-created-here
-- rule: rename-column
-- expect: none
CREATE TABLE [Order Items] (id INTEGER PRIMARY KEY, qty INTEGER);
ALTER TABLE [order items] RENAME COLUMN qty TO quantity;

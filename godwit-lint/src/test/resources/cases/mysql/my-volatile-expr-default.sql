-- case: my-volatile-expr-default
-- rule: add-column-volatile-default
-- expect: add-column-volatile-default@4
ALTER TABLE orders ADD COLUMN token CHAR(36) DEFAULT (UUID());

-- A constant default keeps existing rows valid; ${currency} comes from [placeholders].
ALTER TABLE shop_order ADD COLUMN currency CHAR(3) DEFAULT '${currency}' NOT NULL;

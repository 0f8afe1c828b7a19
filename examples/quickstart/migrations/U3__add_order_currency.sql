ALTER TABLE shop_order DROP COLUMN currency;

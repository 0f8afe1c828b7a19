DELETE FROM shop_order WHERE id IN (1, 2, 3);
DELETE FROM customer WHERE id IN (1, 2);

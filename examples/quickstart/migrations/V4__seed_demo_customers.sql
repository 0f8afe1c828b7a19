INSERT INTO customer (id, email, name) VALUES (1, 'ada@example.com', 'Ada Lovelace');
INSERT INTO customer (id, email, name) VALUES (2, 'alan@example.com', 'Alan Turing');
INSERT INTO shop_order (id, customer_id, total_cents) VALUES (1, 1, 4200);
INSERT INTO shop_order (id, customer_id, total_cents) VALUES (2, 1, 1999);
INSERT INTO shop_order (id, customer_id, total_cents) VALUES (3, 2, 500);

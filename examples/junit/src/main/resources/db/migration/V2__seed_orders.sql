INSERT INTO orders (id, customer, total) VALUES (1, 'Ada', 12.50);
INSERT INTO orders (id, customer, total) VALUES (2, 'Grace', 99.00);

INSERT INTO orders (id, customer) VALUES (1, 'ada');
INSERT INTO no_such_table (id) VALUES (1);

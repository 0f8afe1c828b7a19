INSERT INTO customer (name, email) VALUES ('Grace', 'grace@example.org');

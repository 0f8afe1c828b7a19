INSERT INTO account (id, name) VALUES (1, 'one');

INSERT INTO no_such_table (id) VALUES (2);

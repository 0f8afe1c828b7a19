INSERT INTO bird (id, name) VALUES (1, 'godwit');

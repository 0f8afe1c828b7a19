INSERT INTO account (id, owner) VALUES (1, '${owner}');

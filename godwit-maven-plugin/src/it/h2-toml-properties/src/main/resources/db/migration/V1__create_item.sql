CREATE TABLE item (id INT PRIMARY KEY, label VARCHAR(50));
INSERT INTO item VALUES (1, '${label}');

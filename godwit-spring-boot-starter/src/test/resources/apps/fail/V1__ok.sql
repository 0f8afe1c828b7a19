CREATE TABLE ok_table (id INT);

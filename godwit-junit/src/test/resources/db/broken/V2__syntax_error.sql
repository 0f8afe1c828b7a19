CREATE TABLE broken (id INT;

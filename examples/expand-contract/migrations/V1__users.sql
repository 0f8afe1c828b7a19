-- The table as the old code knows it.
CREATE TABLE users (
  id BIGINT PRIMARY KEY,
  name VARCHAR(200) NOT NULL,
  email VARCHAR(200)
);

-- Customers who place orders.
CREATE TABLE customer (
    id         BIGINT PRIMARY KEY,
    email      VARCHAR(320) NOT NULL UNIQUE,
    name       VARCHAR(200) NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);

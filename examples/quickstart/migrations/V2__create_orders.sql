CREATE TABLE shop_order (
    id          BIGINT PRIMARY KEY,
    customer_id BIGINT NOT NULL REFERENCES customer (id),
    total_cents BIGINT NOT NULL CHECK (total_cents >= 0),
    placed_at   TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- Orders are listed per customer, newest first.
CREATE INDEX shop_order_customer_idx ON shop_order (customer_id, placed_at);

-- case: my-add-fk-new-table-ok
-- rule: add-foreign-key
-- expect: non-idempotent-statement@4
CREATE TABLE shipments (id BIGINT PRIMARY KEY, order_id BIGINT, CONSTRAINT fk_s FOREIGN KEY (order_id) REFERENCES orders (id));
ALTER TABLE shipments ADD CONSTRAINT fk_s2 FOREIGN KEY (order_id) REFERENCES orders (id);

-- case: add-fk-new-table-ok
-- rule: add-foreign-key
-- expect: none
CREATE TABLE shipments (id bigint PRIMARY KEY, order_id bigint);
ALTER TABLE shipments ADD CONSTRAINT shipments_order_fk FOREIGN KEY (order_id) REFERENCES orders (id);
CREATE TABLE returns (id bigint PRIMARY KEY, order_id bigint REFERENCES orders (id));

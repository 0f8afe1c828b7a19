-- case: cic-new-table-exempt
-- rule: create-index-non-concurrently
-- expect: none
CREATE TABLE invoices (id bigint PRIMARY KEY, customer_id bigint NOT NULL);
CREATE INDEX invoices_customer_idx ON invoices (customer_id);

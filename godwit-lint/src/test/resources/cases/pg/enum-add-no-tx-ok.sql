-- case: enum-add-no-tx-ok
-- rule: enum-value-add-in-transaction
-- tx: off
-- expect: none
ALTER TYPE order_status ADD VALUE 'refunded';
UPDATE orders SET status = 'refunded' WHERE id = 42;

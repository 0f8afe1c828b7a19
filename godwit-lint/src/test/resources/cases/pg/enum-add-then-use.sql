-- case: enum-add-then-use
-- rule: enum-value-add-in-transaction
-- expect: enum-value-add-in-transaction@5
ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'refunded' AFTER 'paid';
UPDATE orders SET status = 'refunded' WHERE id = 42;

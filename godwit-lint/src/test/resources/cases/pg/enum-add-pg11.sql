-- case: enum-add-pg11
-- rule: enum-value-add-in-transaction
-- version: 11
-- tx: on
-- expect: enum-value-add-in-transaction@6
ALTER TYPE order_status ADD VALUE 'refunded';

-- case: tx-enum-add-pg11-no-tx-ok
-- rule: enum-value-add-in-transaction
-- version: 11
-- tx: off
-- expect: none
ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'refunded';

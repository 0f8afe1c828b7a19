-- case: tx-enum-add-pg96-in-runner-tx
-- rule: enum-value-add-in-transaction
-- version: 9.6
-- tx: on
-- expect: enum-value-add-in-transaction@6
ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'refunded';

-- case: enum-add-alone-ok
-- rule: enum-value-add-in-transaction
-- expect: none
ALTER TYPE order_status ADD VALUE 'refunded';

-- case: enum-add-then-default
-- rule: enum-value-add-in-transaction
-- expect: enum-value-add-in-transaction@5
ALTER TYPE order_status ADD VALUE 'draft';
ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'draft';

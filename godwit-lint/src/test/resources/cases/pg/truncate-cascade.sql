-- case: truncate-cascade
-- rule: truncate-table
-- expect: truncate-table@4
TRUNCATE ONLY carts, cart_items RESTART IDENTITY CASCADE;

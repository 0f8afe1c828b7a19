-- case: adv-unquoted-folds-quoted-does-not
-- rule: create-index-non-concurrently
-- expect: create-index-non-concurrently@6
CREATE TABLE Orders (id bigint PRIMARY KEY, total numeric);
CREATE INDEX orders_total ON ORDERS (total);
CREATE INDEX orders_total2 ON "Orders" (total);
